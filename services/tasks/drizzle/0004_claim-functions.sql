-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "tasks"."checkins" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."members" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."orgs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."processed_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."task_versions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."claims" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."completions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."evidence_photos" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- Which published tasks the transaction's member sees (issue 7, visibility): `org` the
-- members whose path passes through the publisher org; `tenant_mobile` the county's mobile
-- and lost-contact members; `flow_org` the members under the flow organization and those
-- with an accepted check-in there, also from another county (tasks.checkins, kept in the
-- member's county). The one statement of the rule: the tasks' read policy (0005) and the
-- claim function below both call it. It reads the member's own copy rows, under the
-- caller's policies when a policy calls it.
CREATE FUNCTION tasks.member_sees_task(p_tenant_id text, p_org_id uuid, p_visibility text) RETURNS boolean
LANGUAGE sql STABLE
AS $$
  select exists (
    select 1
    from tasks.members m
    left join tasks.checkins c on c.tenant_id = m.tenant_id and c.member_id = m.member_id
    where m.tenant_id = nullif(current_setting('app.tenant_id', true), '')
      and m.user_id = nullif(current_setting('app.user_id', true), '')
      and m.status <> 'transferred_out'
      and ((m.tenant_id = p_tenant_id and p_visibility in ('org', 'flow_org') and position('/' || p_org_id::text || '/' in m.org_path) > 0)
        or (m.tenant_id = p_tenant_id and p_visibility = 'tenant_mobile' and m.status in ('mobile', 'lost_contact'))
        or (p_visibility = 'flow_org' and c.dest_tenant_id = p_tenant_id and position('/' || p_org_id::text || '/' in c.dest_org_path) > 0)))
$$;--> statement-breakpoint

-- How a member takes a place on a task, also one of ANOTHER county (a flow organization's
-- task, seen through a check-in). The member's transaction is in the member's county, but the
-- claim, the place counter and the tasks.claimed event belong to the task's county, where RLS
-- rightly lets a member write nothing. Rather than policies that would let any member
-- transaction write claims, counters or events of another county (RLS cannot say "only
-- claimed_count + 1"), the whole step is this one SECURITY DEFINER function, owned by the
-- migrations' owner (who, like the outbox relay, is not bound by RLS) with a fixed search_path.
-- It trusts nothing from its caller but the task's id: it re-reads who calls from the
-- transaction's settings (tenant, user: set by tenantTransaction), finds that member in the
-- member copy, and re-checks visibility with the same rule as the read policy.
-- No oversell: the place is one conditional UPDATE of claimed_count, which row-locks the
-- task, so concurrent claims queue on it and the `claimed_count < quota` test re-runs on
-- the newest row; the CHECK tasks_claimed_within_quota backs it. The claim row, the counter
-- and the event commit together or not at all. Answers (claim, created, refusal) where
-- refusal is null, 'not_found', 'closed', 'expired' or 'full'.
CREATE FUNCTION tasks.take_place(p_tenant_id text, p_task_id uuid, p_idempotency_key text, p_now timestamptz)
RETURNS TABLE (claim uuid, created boolean, refusal text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_member tasks.members%rowtype;
  v_task tasks.tasks%rowtype;
  v_claim uuid;
  v_org_name text;
begin
  select * into v_member from tasks.members m where m.tenant_id = v_tenant and m.user_id = v_user;
  if not found then
    return query select null::uuid, false, 'not_found'::text;
    return;
  end if;

  -- A retried request, or a second claim of the same task: the claim already made.
  select c.id into v_claim from tasks.claims c
  where c.tenant_id = p_tenant_id and c.task_id = p_task_id and c.member_tenant_id = v_tenant and c.member_id = v_member.member_id
    and (c.idempotency_key = p_idempotency_key or c.status <> 'withdrawn')
  order by (c.idempotency_key = p_idempotency_key) desc
  limit 1;
  if found then
    return query select v_claim, false, null::text;
    return;
  end if;

  select * into v_task from tasks.tasks t where t.tenant_id = p_tenant_id and t.id = p_task_id;
  if not found or v_task.status = 'draft' or not tasks.member_sees_task(v_task.tenant_id, v_task.org_id, v_task.visibility) then
    return query select null::uuid, false, 'not_found'::text;
    return;
  end if;
  if v_task.status = 'closed' then
    return query select null::uuid, false, 'closed'::text;
    return;
  end if;
  if v_task.deadline <= p_now then
    return query select null::uuid, false, 'expired'::text;
    return;
  end if;

  update tasks.tasks t set claimed_count = t.claimed_count + 1
  where t.tenant_id = p_tenant_id and t.id = p_task_id and t.status = 'published' and t.deadline > p_now
    and (t.quota is null or t.claimed_count < t.quota)
  returning * into v_task;
  if not found then
    -- The last place went (or the task closed) while this request waited; a concurrent
    -- request of this same member may be what took it.
    select c.id into v_claim from tasks.claims c
    where c.tenant_id = p_tenant_id and c.task_id = p_task_id and c.member_tenant_id = v_tenant and c.member_id = v_member.member_id
      and (c.idempotency_key = p_idempotency_key or c.status <> 'withdrawn')
    order by (c.idempotency_key = p_idempotency_key) desc
    limit 1;
    if found then
      return query select v_claim, false, null::text;
      return;
    end if;
    select * into v_task from tasks.tasks t where t.tenant_id = p_tenant_id and t.id = p_task_id;
    return query select null::uuid, false,
      (case when v_task.status = 'closed' then 'closed' when v_task.deadline <= p_now then 'expired' else 'full' end)::text;
    return;
  end if;

  select o.name into v_org_name from tasks.orgs o where o.tenant_id = v_task.tenant_id and o.org_id = v_task.org_id;
  insert into tasks.claims (tenant_id, task_id, member_tenant_id, member_id, user_id, member_name, task_version, task_kind, task_title,
      task_org_id, task_org_path, task_org_name, points, deadline, evidence, target_amount, target_unit, status, claimed_at, updated_at, idempotency_key)
  values (p_tenant_id, p_task_id, v_tenant, v_member.member_id, v_user, v_member.name, v_task.version, v_task.kind, v_task.title,
      v_task.org_id, v_task.org_path, coalesce(v_org_name, v_task.org_name), v_task.points, v_task.deadline, v_task.evidence,
      v_task.target_amount, v_task.target_unit, 'active', p_now, p_now, p_idempotency_key)
  on conflict do nothing
  returning id into v_claim;
  if v_claim is null then
    -- A concurrent request of this member (a retry, a second tap) committed its claim first:
    -- give the place back and answer with that claim.
    update tasks.tasks t set claimed_count = t.claimed_count - 1 where t.tenant_id = p_tenant_id and t.id = p_task_id;
    select c.id into v_claim from tasks.claims c
    where c.tenant_id = p_tenant_id and c.task_id = p_task_id and c.member_tenant_id = v_tenant and c.member_id = v_member.member_id
      and (c.idempotency_key = p_idempotency_key or c.status <> 'withdrawn')
    order by (c.idempotency_key = p_idempotency_key) desc
    limit 1;
    return query select v_claim, false, null::text;
    return;
  end if;

  insert into tasks.outbox (tenant_id, topic, payload) values (p_tenant_id, 'tasks.claimed', jsonb_build_object(
    'claimId', v_claim, 'taskId', p_task_id, 'taskKind', v_task.kind, 'taskOrgId', v_task.org_id,
    'memberTenantId', v_tenant, 'memberId', v_member.member_id, 'userId', v_user,
    'claimedAt', to_char(p_now at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')));
  return query select v_claim, true, null::text;
end
$$;--> statement-breakpoint

-- A member withdraws their own claim before its (promised) deadline: the place goes back and
-- tasks.claim_withdrawn is recorded, in the task's county (see take_place for why a function).
-- Answers 'withdrawn' (also for a retry), 'not_found', 'expired', or the claim's status when
-- it can no longer be withdrawn ('submitted', 'approved').
CREATE FUNCTION tasks.release_place(p_tenant_id text, p_claim_id uuid, p_now timestamptz)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_claim tasks.claims%rowtype;
begin
  select * into v_claim from tasks.claims c
  where c.tenant_id = p_tenant_id and c.id = p_claim_id and c.member_tenant_id = v_tenant and c.user_id = v_user
  for update;
  if not found then return 'not_found'; end if;
  if v_claim.status = 'withdrawn' then return 'withdrawn'; end if;
  if v_claim.status not in ('active', 'rejected') then return v_claim.status; end if;
  if v_claim.deadline <= p_now then return 'expired'; end if;

  update tasks.claims c set status = 'withdrawn', withdrawn_at = p_now, updated_at = p_now where c.tenant_id = p_tenant_id and c.id = p_claim_id;
  update tasks.tasks t set claimed_count = t.claimed_count - 1 where t.tenant_id = p_tenant_id and t.id = v_claim.task_id;
  insert into tasks.outbox (tenant_id, topic, payload) values (p_tenant_id, 'tasks.claim_withdrawn', jsonb_build_object(
    'claimId', v_claim.id, 'taskId', v_claim.task_id, 'memberTenantId', v_tenant, 'memberId', v_claim.member_id, 'userId', v_user,
    'withdrawnAt', to_char(p_now at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')));
  return 'withdrawn';
end
$$;--> statement-breakpoint

-- A member submits a completion of their own claim (active, or rejected and answered), in the
-- task's county (see take_place for why a function). The photos must be the caller's own
-- uploads, not attached to another claim; they are attached to this one, so its reviewers may
-- read them. The evidence rules (required photo, number, text) are checked by the caller
-- (services/tasks/src/completions/submit-completion.ts) against the promised evidence.
-- A study task's completion is the member's confirmation that they studied the material: there
-- is nothing for a secretary to verify, so it is approved as it is submitted (and
-- tasks.completion_approved recorded, with the same payload as a review's approval).
-- Answers (completion, completion_version, outcome) where outcome is 'submitted' or 'approved',
-- or (null, null, refusal) with refusal 'not_found', 'photos', or the claim's status.
CREATE FUNCTION tasks.submit_completion(p_tenant_id text, p_claim_id uuid, p_note text, p_amount numeric, p_photo_ids uuid[],
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
  select * into v_claim from tasks.claims c
  where c.tenant_id = p_tenant_id and c.id = p_claim_id and c.member_tenant_id = v_tenant and c.user_id = v_user
  for update;
  if not found then
    return query select null::uuid, null::integer, 'not_found'::text;
    return;
  end if;

  select * into v_existing from tasks.completions x where x.tenant_id = p_tenant_id and x.claim_id = p_claim_id and x.idempotency_key = p_idempotency_key;
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
        and (p.claim_id is null or (p.claim_tenant_id = p_tenant_id and p.claim_id = p_claim_id)))
     <> (select count(distinct x) from unnest(p_photo_ids) x) then
    return query select null::uuid, null::integer, 'photos'::text;
    return;
  end if;

  select coalesce(max(x.version), 0) + 1 into v_version from tasks.completions x where x.tenant_id = p_tenant_id and x.claim_id = p_claim_id;
  v_study := v_claim.task_kind = 'study';
  insert into tasks.completions (tenant_id, claim_id, task_id, member_tenant_id, user_id, task_org_path, version, note, amount, photo_ids,
      response, submitted_at, decision, decided_by, decided_at, idempotency_key)
  values (p_tenant_id, p_claim_id, v_claim.task_id, v_tenant, v_user, v_claim.task_org_path, v_version, p_note, p_amount, p_photo_ids,
      p_response, p_now, case when v_study then 'approved' end, case when v_study then v_user end, case when v_study then p_now end, p_idempotency_key)
  returning id into v_id;
  update tasks.evidence_photos p set claim_tenant_id = p_tenant_id, claim_id = p_claim_id where p.tenant_id = v_tenant and p.id = any(p_photo_ids);
  update tasks.claims c set status = case when v_study then 'approved' else 'submitted' end, updated_at = p_now
  where c.tenant_id = p_tenant_id and c.id = p_claim_id;

  if v_study then
    insert into tasks.outbox (tenant_id, topic, payload) values (p_tenant_id, 'tasks.completion_approved', jsonb_build_object(
      'claimId', v_claim.id, 'completionId', v_id, 'taskId', v_claim.task_id, 'taskKind', v_claim.task_kind, 'taskOrgId', v_claim.task_org_id,
      'points', v_claim.points, 'amount', p_amount, 'unit', v_claim.target_unit,
      'memberTenantId', v_tenant, 'memberId', v_claim.member_id, 'userId', v_user,
      'approvedAt', to_char(p_now at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')));
  end if;
  return query select v_id, v_version, (case when v_study then 'approved' else 'submitted' end)::text;
end
$$;
