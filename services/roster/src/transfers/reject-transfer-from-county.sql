-- The receiving county refuses a transfer sent to it, with a reason the requester sees; the
-- member's personal fields do not outlive it (erasedSnapshot in transfer-snapshot.ts: the
-- orgs only). Checked as accept-transfer-from-county.sql says. Called by close-transfer.ts.
CREATE OR REPLACE FUNCTION roster.reject_transfer_from_county(p_transfer_id uuid, p_reason text, p_now timestamptz)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_tenant_wide boolean := coalesce(current_setting('app.tenant_wide', true) = 'on', false);
  v_reason text := nullif(btrim(p_reason, E' \t\r\n'), '');
  v_row roster.transfers%rowtype;
begin
  if v_tenant is null or v_user is null then
    raise exception 'a transfer is refused by a person of the receiving county' using errcode = '42501';
  end if;
  select * into v_row from roster.transfers t
  where t.to_tenant_id = v_tenant and t.tenant_id <> v_tenant and t.id = p_transfer_id for update;
  if not found or not v_tenant_wide then return 'not_found'; end if;
  if exists (select 1 from roster.members m where m.tenant_id = v_row.tenant_id and m.id = v_row.member_id and m.user_id = v_user) then
    return 'decides_about_oneself';
  end if;
  if v_row.status <> 'township_approved' then return 'not_open'; end if;
  if v_reason is null then return 'reason_required'; end if;

  update roster.transfers t
  set status = 'rejected',
      steps = t.steps || jsonb_build_array(jsonb_build_object(
        'step', 'rejected', 'by', v_user, 'at', to_char(p_now at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'note', v_reason)),
      ledger = jsonb_build_object(
        'fromTenantId', coalesce(t.ledger -> 'fromTenantId', 'null'::jsonb),
        'fromBranch', coalesce(t.ledger -> 'fromBranch', 'null'::jsonb),
        'fromTownship', coalesce(t.ledger -> 'fromTownship', 'null'::jsonb)),
      updated_at = p_now
  where t.tenant_id = v_row.tenant_id and t.id = v_row.id;
  return 'rejected';
end
$$;

-- Only the request role calls it (not PUBLIC).
REVOKE ALL ON FUNCTION roster.reject_transfer_from_county(uuid, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION roster.reject_transfer_from_county(uuid, text, timestamptz) TO tongxin_app;
