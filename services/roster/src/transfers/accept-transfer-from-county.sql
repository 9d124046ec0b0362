-- Issue 13 D: a transfer is written by the origin county only. The receiving county's
-- decisions on a transfer sent to it from another county are SECURITY DEFINER functions (this
-- one and reject-transfer-from-county.sql), which re-read who calls from the transaction's
-- settings and check the receiving side themselves: the row is addressed to the caller's
-- county from another one, the caller acts for the whole county (its department, the level
-- that accepts across counties: transfer-rules.ts), is not the member, the transfer is at the
-- step the receiver takes (township_approved), and only that step's columns change. They
-- refuse with a code the caller maps (accept-transfer.ts, close-transfer.ts), or SQLSTATE
-- 42501 for a transaction that names no county or person. Run as tongxin_system; a fixed
-- search_path and qualified names, so nothing the caller creates is resolved.
CREATE OR REPLACE FUNCTION roster.accept_transfer_from_county(p_transfer_id uuid, p_to_branch_id uuid, p_new_member_id uuid, p_now timestamptz)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_tenant_wide boolean := coalesce(current_setting('app.tenant_wide', true) = 'on', false);
  v_row roster.transfers%rowtype;
  v_path text;
begin
  if v_tenant is null or v_user is null then
    raise exception 'a transfer is accepted by a person of the receiving county' using errcode = '42501';
  end if;
  select * into v_row from roster.transfers t
  where t.to_tenant_id = v_tenant and t.tenant_id <> v_tenant and t.id = p_transfer_id for update;
  if not found or not v_tenant_wide then return 'not_found'; end if;
  -- Nobody decides about themself (issue 13 C).
  if exists (select 1 from roster.members m where m.tenant_id = v_row.tenant_id and m.id = v_row.member_id and m.user_id = v_user) then
    return 'decides_about_oneself';
  end if;
  if v_row.status <> 'township_approved' then return 'not_approved'; end if;
  -- The receiving branch is one of the caller's county's open branches, and its path is read
  -- here, never taken from the caller.
  select o.path into v_path from roster.orgs o
  where o.tenant_id = v_tenant and o.id = p_to_branch_id and o.closed_at is null and o.kind in ('branch', 'mobile_branch', 'flow_branch');
  if not found then return 'not_a_branch'; end if;
  -- The member the caller created from the snapshot, in that branch.
  if not exists (select 1 from roster.members m where m.tenant_id = v_tenant and m.id = p_new_member_id and m.branch_id = p_to_branch_id) then
    return 'no_member';
  end if;

  update roster.transfers t
  set status = 'accepted', to_branch_id = p_to_branch_id, to_path = v_path, new_member_id = p_new_member_id,
      steps = t.steps || jsonb_build_array(jsonb_build_object(
        'step', 'accepted', 'by', v_user, 'at', to_char(p_now at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
      updated_at = p_now
  where t.tenant_id = v_row.tenant_id and t.id = v_row.id;
  return 'accepted';
end
$$;

-- Only the request role calls it (not PUBLIC).
REVOKE ALL ON FUNCTION roster.accept_transfer_from_county(uuid, uuid, uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION roster.accept_transfer_from_county(uuid, uuid, uuid, timestamptz) TO tongxin_app;
