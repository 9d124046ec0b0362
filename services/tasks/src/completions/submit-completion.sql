-- A member submits a completion of their own claim (active, or rejected and answered), in the
-- task's county, which is read from the claim (see claims/take-place.sql for why a function).
-- The photos must be the caller's own uploads, not attached to another claim; they are
-- attached to this one, so its reviewers may read them. The evidence rules (required photo,
-- number, text) are checked by the caller (submit-completion.ts) against the promised evidence.
-- A study task's completion is the member's confirmation that they studied the material: there
-- is nothing for a secretary to verify, so it is approved as it is submitted (and
-- tasks.completion_approved recorded, with the same payload as a review's approval).
-- Answers (completion, completion_version, outcome) where outcome is 'submitted' or 'approved',
-- or (null, null, refusal) with refusal 'not_found', 'photos', or the claim's status.
CREATE OR REPLACE FUNCTION tasks.submit_completion(p_claim_id uuid, p_note text, p_amount numeric, p_photo_ids uuid[],
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

-- Only the request role calls it (not PUBLIC).
REVOKE ALL ON FUNCTION tasks.submit_completion(uuid, text, numeric, uuid[], text, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tasks.submit_completion(uuid, text, numeric, uuid[], text, text, timestamptz) TO tongxin_app;
