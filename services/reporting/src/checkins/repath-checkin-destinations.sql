-- roster.org_moved in the destination's county: check-ins addressed to the moved subtree, also
-- from members of other counties, follow it so the same secretaries see them. Only the county's
-- tenant-wide work (the event consumer) re-paths, and only its own destination paths.
-- Called by repath-checkin-destinations.ts.
CREATE OR REPLACE FUNCTION reporting.repath_checkin_destinations(p_from_path text, p_to_path text)
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

-- Only the request role calls it (not PUBLIC).
REVOKE ALL ON FUNCTION reporting.repath_checkin_destinations(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reporting.repath_checkin_destinations(text, text) TO tongxin_app;
