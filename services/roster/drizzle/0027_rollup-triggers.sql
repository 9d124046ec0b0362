-- The rollups' change marks on every table a roster figure reads (issue 15): each change marks
-- the month now running and the months its dates place the row in (rollup-spec.ts). Updates
-- mark only when a column a figure reads changes (a phone number or an account link does not).
-- Members: created (on the roster from), away since (mobile from), lost contact since.
CREATE TRIGGER members_mark_rollup
  AFTER INSERT OR DELETE OR UPDATE OF status, org_path, created_at, birth_date, gender, occupation, employer,
    destination_province, destination_city, away_since, lost_contact_since, ledger_confirmed_at
  ON "roster"."members"
  FOR EACH ROW EXECUTE FUNCTION "roster"."mark_rollup"('created_at', 'away_since', 'lost_contact_since');
--> statement-breakpoint
-- Grants: a check-in counts from the grant to its revocation. Not on a grantee re-path or a
-- copy refresh: those change no figure (and the re-path runs in the grantee's county).
CREATE TRIGGER ledger_grants_mark_rollup
  AFTER INSERT OR DELETE OR UPDATE OF member_id, granted_at, revoked_at
  ON "roster"."ledger_grants"
  FOR EACH ROW EXECUTE FUNCTION "roster"."mark_rollup"('granted_at', 'revoked_at');
--> statement-breakpoint
-- Orgs: their places decide "within the county"; a change counts from now.
CREATE TRIGGER orgs_mark_rollup
  AFTER INSERT OR DELETE OR UPDATE OF kind, name, place, parent_id
  ON "roster"."orgs"
  FOR EACH ROW EXECUTE FUNCTION "roster"."mark_rollup"();
