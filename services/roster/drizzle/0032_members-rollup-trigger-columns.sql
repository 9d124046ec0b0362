-- The members' change-mark trigger (0027) names the columns a roster figure reads: the education
-- and away-reason families (issue 15) read two more, so a change to either marks the month too.
DROP TRIGGER "members_mark_rollup" ON "roster"."members";
--> statement-breakpoint
CREATE TRIGGER members_mark_rollup
  AFTER INSERT OR DELETE OR UPDATE OF status, org_path, created_at, birth_date, gender, education, occupation, employer,
    destination_province, destination_city, away_since, away_reason, lost_contact_since, ledger_confirmed_at
  ON "roster"."members"
  FOR EACH ROW EXECUTE FUNCTION "roster"."mark_rollup"('created_at', 'away_since', 'lost_contact_since');
