-- The points consumer's step for one event (apply-event-to-scoring.ts), in the member's
-- county: one call, so the relay's transaction is one round trip instead of nine (issue 16:
-- the relay fell behind a sustained load). The county is the transaction's (app.tenant_id,
-- set by tenantTransaction); the function runs as its caller, under the row policies.
-- Applied exactly once, also when delivered twice or out of order:
-- - the event id is claimed in scoring.scored_events with the entry, and the entry's
--   (tenant, event, member) key is unique too;
-- - the member's entries are serialized by a transaction-scoped advisory lock (the same key
--   as lockMember's in apply-event-to-scoring.ts), so caps and a claim racing its withdrawal
--   see each other: each statement below reads after the lock, with its own snapshot;
-- - one activity counts once whatever events speak of it: a repeat of the topic earns 0; a
--   withdrawal that arrives before its claim is remembered, and the claim then earns 0; a
--   withdrawal gives back what its claim earned, in the claim's month; attendance applied
--   after its meeting's cancellation earns 0;
-- - the points are the kind's rule (the county's own, else p_default_points/p_default_cap
--   from activity-rules.ts), a completed task's promised points (p_promised), cut by the
--   kind's monthly cap less what the member already has of it in the activity's month. An
--   entry a cap cuts, to 0 perhaps, is still written (capped) so the evaluation counts it.
-- Answers 'applied' or 'duplicate'.
CREATE OR REPLACE FUNCTION scoring.score_activity(
  p_event_id uuid, p_topic text, p_event_at timestamptz, p_withdraw boolean,
  p_member_id uuid, p_user_id text, p_kind text, p_subject text, p_label text, p_period text, p_activity_at timestamptz,
  p_promised integer, p_default_points integer, p_default_cap integer, p_meeting_kinds text[])
RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := p_user_id;
  v_period text := p_period;
  v_activity_at timestamptz := p_activity_at;
  v_label text := p_label;
  v_points integer;
  v_note text;
  v_capped boolean := false;
  v_rule_points integer;
  v_cap integer;
  v_used bigint;
  v_claim record;
begin
  insert into scoring.scored_events (tenant_id, event_id, topic) values (v_tenant, p_event_id, p_topic)
  on conflict do nothing;
  if not found then
    return 'duplicate';
  end if;
  perform pg_advisory_xact_lock(hashtext('scoring:' || v_tenant || ':' || p_member_id::text));

  if p_withdraw then
    if exists (select 1 from scoring.points_ledger e
               where e.tenant_id = v_tenant and e.member_id = p_member_id and e.kind = p_kind and e.subject = p_subject and e.topic = p_topic) then
      v_points := 0;
      v_note := 'repeat';
    else
      -- The claim's entry: the activity's first entry of another topic than the withdrawal's.
      select e.points, e.period, e.activity_at, e.label into v_claim from scoring.points_ledger e
      where e.tenant_id = v_tenant and e.member_id = p_member_id and e.kind = p_kind and e.subject = p_subject and e.topic <> p_topic
      order by e.at, e.id
      limit 1;
      v_note := 'claim_withdrawn';
      if found then
        v_points := -v_claim.points;
        v_period := v_claim.period;
        v_activity_at := v_claim.activity_at;
        v_label := coalesce(p_label, v_claim.label);
      else
        v_points := 0;
      end if;
    end if;
  elsif p_kind = 'task_claimed' and exists (
      select 1 from scoring.points_ledger e
      where e.tenant_id = v_tenant and e.member_id = p_member_id and e.kind = p_kind and e.subject = p_subject and e.note = 'claim_withdrawn') then
    v_points := 0;
    v_note := 'already_withdrawn';
  elsif p_kind = any(p_meeting_kinds) and exists (
      select 1 from scoring.points_ledger e
      where e.tenant_id = v_tenant and e.member_id = p_member_id and e.subject = p_subject and e.kind = any(p_meeting_kinds) and e.note = 'meeting_cancelled') then
    v_points := 0;
    v_note := 'already_cancelled';
  elsif exists (select 1 from scoring.points_ledger e
                where e.tenant_id = v_tenant and e.member_id = p_member_id and e.kind = p_kind and e.subject = p_subject and e.topic = p_topic) then
    v_points := 0;
    v_note := 'repeat';
  else
    select r.points, r.monthly_cap into v_rule_points, v_cap from scoring.rules r where r.tenant_id = v_tenant and r.kind = p_kind;
    if not found then
      v_rule_points := p_default_points;
      v_cap := p_default_cap;
    end if;
    v_points := coalesce(p_promised, v_rule_points, 0);
    if v_cap is not null then
      select coalesce(sum(e.points), 0) into v_used from scoring.points_ledger e
      where e.tenant_id = v_tenant and e.member_id = p_member_id and e.kind = p_kind and e.period = p_period;
      v_capped := v_points > greatest(0, v_cap - v_used);
      v_points := least(v_points, greatest(0, v_cap - v_used));
    end if;
  end if;

  if v_user is null then
    select m.user_id into v_user from scoring.members m where m.tenant_id = v_tenant and m.member_id = p_member_id;
  end if;
  insert into scoring.points_ledger (tenant_id, member_id, user_id, kind, points, source, source_event_id, topic, subject, label, period, activity_at, event_at, capped, note)
  values (v_tenant, p_member_id, v_user, p_kind, v_points, 'event', p_event_id, p_topic, p_subject, v_label, v_period, v_activity_at, p_event_at, v_capped, v_note)
  on conflict do nothing;
  return 'applied';
end;
$$;
