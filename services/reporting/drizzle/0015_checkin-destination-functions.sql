-- Issue 13 D: a check-in is written by the member's county only (policies of 0014). The
-- destination county's writes to it are these SECURITY DEFINER functions, which re-read who
-- calls from the transaction's settings and check the destination side themselves: the row is
-- addressed to the caller's county, its destination org is in the caller's scope (tenant-wide,
-- or an org of app.org_ids on dest_org_path, as pathInScope in packages/db), the step is
-- allowed from the row's state, and only the columns of that step change. They refuse with a
-- code the caller maps (decide-checkin.ts, end-checkin.ts), or SQLSTATE 42501 for a
-- transaction that names no county or person. Owned by the migrations' owner or a BYPASSRLS
-- role; a fixed search_path and qualified names, so nothing the caller creates is resolved.
CREATE FUNCTION reporting.decide_checkin(p_checkin_id uuid, p_decision text, p_reason text, p_now timestamptz)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_org_ids text[] := string_to_array(nullif(current_setting('app.org_ids', true), ''), ',');
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
  if not found or not (v_tenant_wide or exists (
      select 1 from unnest(v_org_ids) scope(id) where strpos(v_row.dest_org_path, '/' || scope.id || '/') > 0)) then
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
--> statement-breakpoint

-- The destination ends a check-in it holds (the member left): an accepted one is 'ended' (its
-- grant is revoked from the event the caller records), one not yet accepted 'withdrawn'.
CREATE FUNCTION reporting.end_checkin_as_destination(p_checkin_id uuid, p_reason text, p_now timestamptz)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_org_ids text[] := string_to_array(nullif(current_setting('app.org_ids', true), ''), ',');
  v_tenant_wide boolean := coalesce(current_setting('app.tenant_wide', true) = 'on', false);
  v_row reporting.checkins%rowtype;
  v_status text;
begin
  if v_tenant is null or v_user is null then
    raise exception 'a check-in is ended by a person of its destination county' using errcode = '42501';
  end if;
  select * into v_row from reporting.checkins c where c.dest_tenant_id = v_tenant and c.id = p_checkin_id for update;
  if not found or not (v_tenant_wide or exists (
      select 1 from unnest(v_org_ids) scope(id) where strpos(v_row.dest_org_path, '/' || scope.id || '/') > 0)) then
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
--> statement-breakpoint

-- roster.org_moved in the destination's county: check-ins addressed to the moved subtree, also
-- from members of other counties, follow it so the same secretaries see them. Only the county's
-- tenant-wide work (the event consumer) re-paths, and only its own destination paths.
CREATE FUNCTION reporting.repath_checkin_destinations(p_from_path text, p_to_path text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_tenant_wide boolean := coalesce(current_setting('app.tenant_wide', true) = 'on', false);
  v_count integer;
begin
  if v_tenant is null or not v_tenant_wide then
    raise exception 'destination paths are re-pathed by their county''s tenant-wide work' using errcode = '42501';
  end if;
  if p_from_path !~ '^/(.+/)?$' or p_to_path !~ '^/(.+/)?$' or length(p_from_path) < 3 then
    raise exception 'an org path is /id/…/' using errcode = '22023';
  end if;
  update reporting.checkins c set dest_org_path = p_to_path || substr(c.dest_org_path, length(p_from_path) + 1)
  where c.dest_tenant_id = v_tenant and left(c.dest_org_path, length(p_from_path)) = p_from_path;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;
--> statement-breakpoint

-- Only the request role calls them (not PUBLIC).
REVOKE ALL ON FUNCTION reporting.decide_checkin(uuid, text, text, timestamptz) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION reporting.end_checkin_as_destination(uuid, text, timestamptz) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION reporting.repath_checkin_destinations(text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION reporting.decide_checkin(uuid, text, text, timestamptz) TO tongxin_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION reporting.end_checkin_as_destination(uuid, text, timestamptz) TO tongxin_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION reporting.repath_checkin_destinations(text, text) TO tongxin_app;--> statement-breakpoint

-- The destination no longer updates the row itself, so nothing is left for this to guard.
DROP TRIGGER "checkin_tenants_fixed" ON "reporting"."checkins";--> statement-breakpoint
DROP FUNCTION "reporting"."checkin_tenants_fixed"();
