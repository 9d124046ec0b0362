-- A member withdraws their own claim before its (promised) deadline: the place goes back and
-- tasks.claim_withdrawn is recorded, in the task's county, which is read from the caller's
-- own claim (see take-place.sql for why a function). Answers 'withdrawn' (also for a retry),
-- 'not_found', 'expired', or the claim's status when it can no longer be withdrawn
-- ('submitted', 'approved'). Called by withdraw-claim.ts.
CREATE OR REPLACE FUNCTION tasks.release_place(p_claim_id uuid, p_now timestamptz)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_claim tasks.claims%rowtype;
begin
  -- The caller's own claim, in whichever county the task is: its county is read from the claim.
  select * into v_claim from tasks.claims c
  where c.member_tenant_id = v_tenant and c.user_id = v_user and c.id = p_claim_id
  for update;
  if not found then return 'not_found'; end if;
  if v_claim.status = 'withdrawn' then return 'withdrawn'; end if;
  if v_claim.status not in ('active', 'rejected') then return v_claim.status; end if;
  if v_claim.deadline <= p_now then return 'expired'; end if;

  update tasks.claims c set status = 'withdrawn', withdrawn_at = p_now, updated_at = p_now where c.tenant_id = v_claim.tenant_id and c.id = p_claim_id;
  update tasks.tasks t set claimed_count = t.claimed_count - 1 where t.tenant_id = v_claim.tenant_id and t.id = v_claim.task_id;
  insert into tasks.outbox (tenant_id, topic, payload) values (v_claim.tenant_id, 'tasks.claim_withdrawn', jsonb_build_object(
    'claimId', v_claim.id, 'taskId', v_claim.task_id, 'taskTitle', v_claim.task_title, 'memberTenantId', v_tenant, 'memberId', v_claim.member_id, 'userId', v_user,
    'withdrawnAt', to_char(p_now at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')));
  return 'withdrawn';
end
$$;

-- Only the request role calls it (not PUBLIC).
REVOKE ALL ON FUNCTION tasks.release_place(uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tasks.release_place(uuid, timestamptz) TO tongxin_app;
