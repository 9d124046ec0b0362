-- One-off repair (issue 13 A), run once by the migrations' owner: before issue 13,
-- meetings.schedule took the org's path from the client, so a meeting could be filed under
-- another branch's path (the department's lists then counted it for the wrong branch). Each
-- meeting whose org_path disagrees with its org's real path in reporting.org_directory (kept
-- from roster's events) gets the real path; a meeting of an org the directory does not know is
-- left as it is. New meetings read the path on the server (meetings/resolve-org-path.ts).
--
-- Forced RLS binds the table owner unless it is a superuser, so the work is done county by
-- county with that county's tenant-wide settings, which the policies of both tables admit
-- either way; the settings are cleared again for the migrations that follow in this transaction.
DO $$
declare
  v_tenant text;
begin
  -- The directory is readable from any county's transaction: a placeholder county lists them all.
  perform set_config('app.tenant_id', '-', true);
  for v_tenant in select distinct d.tenant_id from reporting.org_directory d loop
    perform set_config('app.tenant_id', v_tenant, true);
    perform set_config('app.tenant_wide', 'on', true);
    update reporting.meetings m set org_path = d.path
    from reporting.org_directory d
    where m.tenant_id = v_tenant and d.tenant_id = m.tenant_id and d.org_id = m.org_id and m.org_path <> d.path;
  end loop;
  perform set_config('app.tenant_id', '', true);
  perform set_config('app.tenant_wide', '', true);
end
$$;
