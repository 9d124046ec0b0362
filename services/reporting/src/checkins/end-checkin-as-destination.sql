-- The destination ends a check-in it holds (the member left): an accepted one is 'ended' (its
-- grant is revoked from the event the caller records), one not yet accepted 'withdrawn'.
-- Checked as decide-checkin.sql says of the destination's functions. Called by end-checkin.ts.
CREATE OR REPLACE FUNCTION reporting.end_checkin_as_destination(p_checkin_id uuid, p_reason text, p_now timestamptz)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_tenant_wide boolean := coalesce(current_setting('app.tenant_wide', true) = 'on', false);
  v_row reporting.checkins%rowtype;
  v_status text;
begin
  if v_tenant is null or v_user is null then
    raise exception 'a check-in is ended by a person of its destination county' using errcode = '42501';
  end if;
  select * into v_row from reporting.checkins c where c.dest_tenant_id = v_tenant and c.id = p_checkin_id for update;
  -- The org-subtree test is pathInScope's (packages/db/src/scope/path-in-scope.ts), word for
  -- word: infra/runner/src/sql-functions/scope-in-functions.test.ts holds it to that.
  if not found or not (v_tenant_wide or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in v_row.dest_org_path) > 0)) then
    return 'not_found';
  end if;
  if v_row.status not in ('pending', 'returned', 'accepted') then return 'not_open'; end if;
  v_status := case when v_row.status = 'accepted' then 'ended' else 'withdrawn' end;

  update reporting.checkins c
  set status = v_status, reason = coalesce(nullif(btrim(p_reason, E' \t\r\n'), ''), v_row.reason),
      ended_by = v_user, ended_at = p_now, updated_at = p_now
  where c.tenant_id = v_row.tenant_id and c.id = v_row.id;
  return v_status;
end
$$;

-- Only the request role calls it (not PUBLIC).
REVOKE ALL ON FUNCTION reporting.end_checkin_as_destination(uuid, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reporting.end_checkin_as_destination(uuid, text, timestamptz) TO tongxin_app;
