-- Issue 13 D: a check-in is written by the member's county only. The destination county's
-- writes to it are SECURITY DEFINER functions (this one,
-- end-checkin-as-destination.sql, repath-checkin-destinations.sql), which re-read who calls
-- from the transaction's settings and check the destination side themselves: the row is
-- addressed to the caller's county, its destination org is in the caller's scope (tenant-wide,
-- or pathInScope's test of packages/db on dest_org_path), the step is
-- allowed from the row's state, and only the columns of that step change. They refuse with a
-- code the caller maps (decide-checkin.ts, end-checkin.ts), or SQLSTATE 42501 for a
-- transaction that names no county or person. Run as tongxin_system; a fixed search_path and
-- qualified names, so nothing the caller creates is resolved.
-- The destination accepts or refuses a check-in addressed to it. Called by decide-checkin.ts.
CREATE OR REPLACE FUNCTION reporting.decide_checkin(p_checkin_id uuid, p_decision text, p_reason text, p_now timestamptz)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_tenant_wide boolean := coalesce(current_setting('app.tenant_wide', true) = 'on', false);
  v_reason text := nullif(btrim(p_reason, E' \t\r\n'), '');
  v_row reporting.checkins%rowtype;
  v_status text;
begin
  if v_tenant is null or v_user is null then
    raise exception 'a check-in is decided by a person of its destination county' using errcode = '42501';
  end if;
  v_status := case p_decision when 'accept' then 'accepted' when 'refuse' then 'refused' when 'return' then 'returned' end;
  if v_status is null then return 'bad_decision'; end if;
  -- Brief: a destination turns nobody away without a reason the member sees.
  if v_status <> 'accepted' and v_reason is null then return 'reason_required'; end if;

  select * into v_row from reporting.checkins c where c.dest_tenant_id = v_tenant and c.id = p_checkin_id for update;
  -- The org-subtree test is pathInScope's (packages/db/src/scope/path-in-scope.ts), word for
  -- word: infra/runner/src/sql-functions/scope-in-functions.test.ts holds it to that.
  if not found or not (v_tenant_wide or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in v_row.dest_org_path) > 0)) then
    return 'not_found';
  end if;
  -- Nobody decides about themself (issue 13 C): the member's account, on the row and on the copy.
  if v_row.user_id = v_user or exists (
      select 1 from reporting.members m where m.tenant_id = v_row.tenant_id and m.member_id = v_row.member_id and m.user_id = v_user) then
    return 'decides_about_oneself';
  end if;
  if v_row.status <> 'pending' then return 'not_pending'; end if;

  update reporting.checkins c
  set status = v_status, reason = case when v_status = 'accepted' then null else v_reason end,
      decided_by = v_user, decided_at = p_now, updated_at = p_now
  where c.tenant_id = v_row.tenant_id and c.id = v_row.id;
  return v_status;
end
$$;

-- Only the request role calls it (not PUBLIC).
REVOKE ALL ON FUNCTION reporting.decide_checkin(uuid, text, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reporting.decide_checkin(uuid, text, text, timestamptz) TO tongxin_app;
