-- Issue 17: a destination secretary of ANY county scans a member's activity certificate and
-- sees whether it is valid, the name and home branch, and nothing else. The certificate is a
-- row of the member's county, which no other county reads (roster.certificates' policies), so
-- the verification is this SECURITY DEFINER function, narrow by construction: it finds one
-- certificate by the SHA-256 of the token in the code (never by id or number, which can be
-- guessed), answers only the state, the number, the county and the end date, and the holder's
-- name and home branch only while the certificate stands. It re-reads who calls from the
-- transaction's settings: a person (app.user_id) of a county (app.tenant_id) who acts as its
-- department or as a secretary of one of its orgs (pathInScope's test on an org of the
-- county); a member's or nobody's transaction is SQLSTATE 42501. It writes nothing. Run as
-- tongxin_system; a fixed search_path and qualified names, so nothing the caller creates is
-- resolved. Called by certificates/verify-certificate.ts.
CREATE OR REPLACE FUNCTION roster.verify_certificate(p_token_hash text, p_today date)
RETURNS TABLE (status text, number text, holder_name text, branch_name text, county_id text, county_name text, valid_until date)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_tenant_wide boolean := coalesce(current_setting('app.tenant_wide', true) = 'on', false);
  v_row roster.certificates%rowtype;
  v_status text;
begin
  if v_tenant is null or v_user is null then
    raise exception 'a certificate is verified by a person of a county' using errcode = '42501';
  end if;
  -- The org-subtree test is pathInScope's (packages/db/src/scope/path-in-scope.ts), word for
  -- word: infra/runner/src/sql-functions/scope-in-functions.test.ts holds it to that. Here it
  -- only asks whether the caller holds any org of their county: a secretary's seat.
  if not v_tenant_wide and not exists (
      select 1 from roster.orgs o
      where o.tenant_id = v_tenant
        and exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in o.path) > 0)) then
    raise exception 'a certificate is verified by a secretary or a department' using errcode = '42501';
  end if;
  if p_token_hash is null or p_today is null then return; end if;

  select * into v_row from roster.certificates c where c.token_hash = p_token_hash;
  if not found then return; end if;
  -- The end date decides even before the daily job has marked the certificate expired.
  v_status := case when v_row.status = 'valid' and v_row.valid_until < p_today then 'expired' else v_row.status::text end;
  return query select v_status, v_row.number,
    case when v_status = 'valid' then v_row.holder_name end,
    case when v_status = 'valid' then v_row.branch_name end,
    v_row.tenant_id, v_row.county_name, v_row.valid_until;
end
$$;

-- Only the request role calls it (not PUBLIC).
REVOKE ALL ON FUNCTION roster.verify_certificate(text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION roster.verify_certificate(text, date) TO tongxin_app;
