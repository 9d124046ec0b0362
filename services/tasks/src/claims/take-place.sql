-- How a member takes a place on a task, also one of ANOTHER county (a flow organization's
-- task, seen through a check-in). The member's transaction is in the member's county, but the
-- claim, the place counter and the tasks.claimed event belong to the task's county, where RLS
-- rightly lets a member write nothing. Rather than policies that would let any member
-- transaction write claims, counters or events of another county (RLS cannot say "only
-- claimed_count + 1"), the whole step is this one SECURITY DEFINER function, run as
-- tongxin_system (not bound by RLS, like the outbox relay) with a fixed search_path.
-- It trusts nothing from its caller but the task's id: it re-reads who calls from the
-- transaction's settings (tenant, user: set by tenantTransaction), finds that member in the
-- member copy, and re-checks visibility with the same rule as the read policy
-- (member-sees-task.sql). The task's county is read from the member's own claim of the task,
-- else it is the member's county or their standing check-in's (tasks.checkins, written only
-- from roster.checkin_granted), never one the caller names (issue 13, class A).
-- No oversell: the place is one conditional UPDATE of claimed_count, which row-locks the
-- task, so concurrent claims queue on it and the `claimed_count < quota` test re-runs on
-- the newest row; the CHECK tasks_claimed_within_quota backs it. The claim row, the counter
-- and the event commit together or not at all. Answers (claim, created, refusal) where
-- refusal is null, 'not_found', 'closed', 'expired' or 'full'. Called by claim-task.ts.
CREATE OR REPLACE FUNCTION tasks.take_place(p_task_id uuid, p_idempotency_key text, p_now timestamptz)
RETURNS TABLE (claim uuid, created boolean, refusal text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_member tasks.members%rowtype;
  v_task tasks.tasks%rowtype;
  v_task_tenant text;
  v_claim uuid;
  v_org_name text;
begin
  select * into v_member from tasks.members m where m.tenant_id = v_tenant and m.user_id = v_user;
  if not found then
    return query select null::uuid, false, 'not_found'::text;
    return;
  end if;

  -- A retried request, or a second claim of the same task: the claim already made, in
  -- whichever county it is (also after the check-in that brought the task ended).
  select c.id into v_claim from tasks.claims c
  where c.member_tenant_id = v_tenant and c.user_id = v_user and c.member_id = v_member.member_id and c.task_id = p_task_id
    and (c.idempotency_key = p_idempotency_key or c.status <> 'withdrawn')
  order by (c.idempotency_key = p_idempotency_key) desc
  limit 1;
  if found then
    return query select v_claim, false, null::text;
    return;
  end if;

  -- The task's county is the member's own or their standing check-in's (the copy roster's
  -- grant wrote), never one the caller names (issue 13, class A).
  select * into v_task from tasks.tasks t
  where t.id = p_task_id
    and (t.tenant_id = v_tenant
      or t.tenant_id in (select k.dest_tenant_id from tasks.checkins k where k.tenant_id = v_tenant and k.member_id = v_member.member_id))
  order by (t.tenant_id = v_tenant) desc
  limit 1;
  if not found or v_task.status = 'draft' or not tasks.member_sees_task(v_task.tenant_id, v_task.org_id, v_task.visibility) then
    return query select null::uuid, false, 'not_found'::text;
    return;
  end if;
  v_task_tenant := v_task.tenant_id;
  if v_task.status = 'closed' then
    return query select null::uuid, false, 'closed'::text;
    return;
  end if;
  if v_task.deadline <= p_now then
    return query select null::uuid, false, 'expired'::text;
    return;
  end if;

  update tasks.tasks t set claimed_count = t.claimed_count + 1
  where t.tenant_id = v_task_tenant and t.id = p_task_id and t.status = 'published' and t.deadline > p_now
    and (t.quota is null or t.claimed_count < t.quota)
  returning * into v_task;
  if not found then
    -- The last place went (or the task closed) while this request waited; a concurrent
    -- request of this same member may be what took it.
    select c.id into v_claim from tasks.claims c
    where c.tenant_id = v_task_tenant and c.task_id = p_task_id and c.member_tenant_id = v_tenant and c.member_id = v_member.member_id
      and (c.idempotency_key = p_idempotency_key or c.status <> 'withdrawn')
    order by (c.idempotency_key = p_idempotency_key) desc
    limit 1;
    if found then
      return query select v_claim, false, null::text;
      return;
    end if;
    select * into v_task from tasks.tasks t where t.tenant_id = v_task_tenant and t.id = p_task_id;
    return query select null::uuid, false,
      (case when v_task.status = 'closed' then 'closed' when v_task.deadline <= p_now then 'expired' else 'full' end)::text;
    return;
  end if;

  select o.name into v_org_name from tasks.orgs o where o.tenant_id = v_task.tenant_id and o.org_id = v_task.org_id;
  insert into tasks.claims (tenant_id, task_id, member_tenant_id, member_id, user_id, member_name, task_version, task_kind, task_title,
      task_org_id, task_org_path, task_org_name, points, deadline, evidence, target_amount, target_unit, status, claimed_at, updated_at, idempotency_key)
  values (v_task_tenant, p_task_id, v_tenant, v_member.member_id, v_user, v_member.name, v_task.version, v_task.kind, v_task.title,
      v_task.org_id, v_task.org_path, coalesce(v_org_name, v_task.org_name), v_task.points, v_task.deadline, v_task.evidence,
      v_task.target_amount, v_task.target_unit, 'active', p_now, p_now, p_idempotency_key)
  on conflict do nothing
  returning id into v_claim;
  if v_claim is null then
    -- A concurrent request of this member (a retry, a second tap) committed its claim first:
    -- give the place back and answer with that claim.
    update tasks.tasks t set claimed_count = t.claimed_count - 1 where t.tenant_id = v_task_tenant and t.id = p_task_id;
    select c.id into v_claim from tasks.claims c
    where c.tenant_id = v_task_tenant and c.task_id = p_task_id and c.member_tenant_id = v_tenant and c.member_id = v_member.member_id
      and (c.idempotency_key = p_idempotency_key or c.status <> 'withdrawn')
    order by (c.idempotency_key = p_idempotency_key) desc
    limit 1;
    return query select v_claim, false, null::text;
    return;
  end if;

  insert into tasks.outbox (tenant_id, topic, payload) values (v_task_tenant, 'tasks.claimed', jsonb_build_object(
    'claimId', v_claim, 'taskId', p_task_id, 'taskTitle', v_task.title, 'taskKind', v_task.kind, 'taskOrgId', v_task.org_id,
    'memberTenantId', v_tenant, 'memberId', v_member.member_id, 'userId', v_user,
    'claimedAt', to_char(p_now at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')));
  return query select v_claim, true, null::text;
end
$$;

-- Only the request role calls it (not PUBLIC).
REVOKE ALL ON FUNCTION tasks.take_place(uuid, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tasks.take_place(uuid, text, timestamptz) TO tongxin_app;
