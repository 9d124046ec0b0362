-- Ledger grants that members of other counties gave to this county's orgs name the grantee
-- org by path. Those rows are the member's county's, which alone updates them (issue 13 D),
-- so when this county moves an org the grants into its subtree follow through this function,
-- which derives both paths itself: the org is found in the caller's own county by id, its
-- new path is read from roster.orgs, and only this county's grantee paths change. The caller
-- must be the county's tenant-wide work or a secretary whose scope holds the org.
-- Called by move-org.ts.
CREATE OR REPLACE FUNCTION roster.repath_grantee_orgs(p_org_id uuid)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_tenant_wide boolean := coalesce(current_setting('app.tenant_wide', true) = 'on', false);
  v_path text;
  v_marker text := '/' || p_org_id::text || '/';
  v_count integer;
begin
  if v_tenant is null then
    raise exception 'a grantee org is re-pathed by its own county' using errcode = '42501';
  end if;
  select o.path into v_path from roster.orgs o where o.tenant_id = v_tenant and o.id = p_org_id;
  if v_path is null then return -1; end if;
  -- The org-subtree test is pathInScope's (packages/db/src/scope/path-in-scope.ts), word for
  -- word: infra/runner/src/sql-functions/scope-in-functions.test.ts holds it to that.
  if not v_tenant_wide and not exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in v_path) > 0) then
    return -1;
  end if;
  update roster.ledger_grants g
  set grantee_org_path = v_path || substr(g.grantee_org_path, position(v_marker in g.grantee_org_path) + length(v_marker))
  where g.grantee_tenant_id = v_tenant and g.revoked_at is null
    and position(v_marker in g.grantee_org_path) > 0
    and g.grantee_org_path not like v_path || '%';
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- Only the request role calls it (not PUBLIC).
REVOKE ALL ON FUNCTION roster.repath_grantee_orgs(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION roster.repath_grantee_orgs(uuid) TO tongxin_app;
