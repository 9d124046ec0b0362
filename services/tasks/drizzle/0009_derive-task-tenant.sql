-- The task's county is no longer an argument (issue 13, class A: tenants are read by the server
-- from its own tables, never taken from input). take_place reads it from the member's own
-- claim of the task, else from the member's county or their standing check-in's copy
-- (tasks.checkins, written only from roster.checkin_granted); release_place and
-- submit_completion from the caller's own claim. Otherwise identical to 0006. The old
-- signatures are dropped, so nothing can still name a county.
DROP FUNCTION tasks.take_place(text, uuid, text, timestamptz);--> statement-breakpoint
DROP FUNCTION tasks.release_place(text, uuid, timestamptz);--> statement-breakpoint
DROP FUNCTION tasks.submit_completion(text, uuid, text, numeric, uuid[], text, text, timestamptz);--> statement-breakpoint

CREATE FUNCTION tasks.take_place(p_task_id uuid, p_idempotency_key text, p_now timestamptz)
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
--> statement-breakpoint

CREATE FUNCTION tasks.release_place(p_claim_id uuid, p_now timestamptz)
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
--> statement-breakpoint

CREATE FUNCTION tasks.submit_completion(p_claim_id uuid, p_note text, p_amount numeric, p_photo_ids uuid[],
    p_response text, p_idempotency_key text, p_now timestamptz)
RETURNS TABLE (completion uuid, completion_version integer, outcome text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_claim tasks.claims%rowtype;
  v_existing tasks.completions%rowtype;
  v_version integer;
  v_id uuid;
  v_study boolean;
begin
  -- The caller's own claim, in whichever county the task is: its county is read from the claim.
  select * into v_claim from tasks.claims c
  where c.member_tenant_id = v_tenant and c.user_id = v_user and c.id = p_claim_id
  for update;
  if not found then
    return query select null::uuid, null::integer, 'not_found'::text;
    return;
  end if;

  select * into v_existing from tasks.completions x where x.tenant_id = v_claim.tenant_id and x.claim_id = p_claim_id and x.idempotency_key = p_idempotency_key;
  if found then
    return query select v_existing.id, v_existing.version, (case when v_existing.decision = 'approved' then 'approved' else 'submitted' end)::text;
    return;
  end if;
  if v_claim.status not in ('active', 'rejected') then
    return query select null::uuid, null::integer, v_claim.status;
    return;
  end if;

  if (select count(*) from tasks.evidence_photos p
      where p.tenant_id = v_tenant and p.user_id = v_user and p.id = any(p_photo_ids)
        and (p.claim_id is null or (p.claim_tenant_id = v_claim.tenant_id and p.claim_id = p_claim_id)))
     <> (select count(distinct x) from unnest(p_photo_ids) x) then
    return query select null::uuid, null::integer, 'photos'::text;
    return;
  end if;

  select coalesce(max(x.version), 0) + 1 into v_version from tasks.completions x where x.tenant_id = v_claim.tenant_id and x.claim_id = p_claim_id;
  v_study := v_claim.task_kind = 'study';
  insert into tasks.completions (tenant_id, claim_id, task_id, member_tenant_id, user_id, task_org_path, version, note, amount, photo_ids,
      response, submitted_at, decision, decided_by, decided_at, idempotency_key)
  values (v_claim.tenant_id, p_claim_id, v_claim.task_id, v_tenant, v_user, v_claim.task_org_path, v_version, p_note, p_amount, p_photo_ids,
      p_response, p_now, case when v_study then 'approved' end, case when v_study then v_user end, case when v_study then p_now end, p_idempotency_key)
  returning id into v_id;
  update tasks.evidence_photos p set claim_tenant_id = v_claim.tenant_id, claim_id = p_claim_id where p.tenant_id = v_tenant and p.id = any(p_photo_ids);
  update tasks.claims c set status = case when v_study then 'approved' else 'submitted' end, updated_at = p_now
  where c.tenant_id = v_claim.tenant_id and c.id = p_claim_id;

  if v_study then
    insert into tasks.outbox (tenant_id, topic, payload) values (v_claim.tenant_id, 'tasks.completion_approved', jsonb_build_object(
      'claimId', v_claim.id, 'completionId', v_id, 'taskId', v_claim.task_id, 'taskTitle', v_claim.task_title, 'taskKind', v_claim.task_kind, 'taskOrgId', v_claim.task_org_id,
      'points', v_claim.points, 'amount', p_amount, 'unit', v_claim.target_unit,
      'memberTenantId', v_tenant, 'memberId', v_claim.member_id, 'userId', v_user,
      'approvedAt', to_char(p_now at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')));
  end if;
  return query select v_id, v_version, (case when v_study then 'approved' else 'submitted' end)::text;
end
$$;
