-- Issue 17: dues are "paid at home or at the destination with the certificate, recorded by the
-- secretary who received it". A payment is a row of the member's county, which no other county
-- writes, so a destination of ANOTHER county the member is checked in with records it through
-- this SECURITY DEFINER function. It re-reads who calls from the transaction's settings and
-- checks the destination side itself: a live roster.ledger_grants row of the member granted to
-- the caller's county from another one, its grantee org in the caller's scope (tenant-wide, or
-- pathInScope's test of packages/db on grantee_org_path), the caller not the member. Then the
-- row rules of record-payment.ts for a destination: a schedule set, a period of that schedule,
-- none of it recorded already (under the member's dues row lock), a valid certificate, named on
-- the record; the last contact moves forward only (last-contact.ts). The input's own rules
-- (format, amount, dates not in the future) are checked by record-payment.ts before the call.
-- A retry by the same person with the same content answers the first record. It refuses with a
-- code the caller maps, or SQLSTATE 42501 for a transaction that names no county or person.
-- Run as tongxin_system; a fixed search_path and qualified names, so nothing the caller creates
-- is resolved.
CREATE OR REPLACE FUNCTION roster.record_dues_as_destination(p_member_id uuid, p_period text, p_paid_fen integer, p_paid_on date, p_key text, p_digest text, p_now timestamptz)
RETURNS TABLE (outcome text, payment_id uuid, recorded_period text, due_fen integer, paid_fen integer, certificate_number text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
declare
  v_tenant text := nullif(current_setting('app.tenant_id', true), '');
  v_user text := nullif(current_setting('app.user_id', true), '');
  v_tenant_wide boolean := coalesce(current_setting('app.tenant_wide', true) = 'on', false);
  -- Beijing time, which keeps no daylight saving: UTC+8.
  v_today date := ((p_now at time zone 'UTC') + interval '8 hours')::date;
  v_grant record;
  v_member record;
  v_settings record;
  v_payment roster.dues_payments%rowtype;
  v_certificate record;
  v_overlapping text[];
  v_taken text;
  v_contact timestamptz;
  v_constraint text;
begin
  if v_tenant is null or v_user is null then
    raise exception 'dues are recorded at a destination by a person of its county' using errcode = '42501';
  end if;
  -- The org-subtree test is pathInScope's (packages/db/src/scope/path-in-scope.ts), word for
  -- word: infra/runner/src/sql-functions/scope-in-functions.test.ts holds it to that.
  select g.tenant_id, g.grantee_org_id, o.name as org_name into v_grant
  from roster.ledger_grants g
  left join roster.orgs o on o.tenant_id = g.grantee_tenant_id and o.id = g.grantee_org_id
  where g.member_id = p_member_id and g.grantee_tenant_id = v_tenant and g.tenant_id <> v_tenant and g.revoked_at is null
    and (v_tenant_wide or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in g.grantee_org_path) > 0))
  order by g.granted_at desc limit 1;
  if not found then return query select 'not_found', null::uuid, null::text, null::integer, null::integer, null::text; return; end if;

  select m.id, m.user_id, m.status into v_member from roster.members m where m.tenant_id = v_grant.tenant_id and m.id = p_member_id;
  if not found then return query select 'not_found', null::uuid, null::text, null::integer, null::integer, null::text; return; end if;
  -- Nobody decides about themself (issue 13 C).
  if v_member.user_id = v_user then
    return query select 'decides_about_oneself', null::uuid, null::text, null::integer, null::integer, null::text; return;
  end if;

  -- A retry answers the first record; the key of another request (or another person's) is a conflict.
  select * into v_payment from roster.dues_payments p where p.tenant_id = v_grant.tenant_id and p.idempotency_key = p_key;
  if found then
    if v_payment.recorded_by <> v_user or v_payment.request_digest <> p_digest then
      return query select 'key_conflict', null::uuid, null::text, null::integer, null::integer, null::text; return;
    end if;
    return query select 'recorded', v_payment.id, v_payment.period, v_payment.due_fen, v_payment.paid_fen, v_payment.certificate_number; return;
  end if;
  if v_member.status = 'transferred_out' then
    return query select 'member_transferred_out', null::uuid, null::text, null::integer, null::integer, null::text; return;
  end if;

  -- The member's dues row lock serializes payments for one member (as record-payment.ts).
  select d.schedule::text as schedule, d.monthly_due_fen into v_settings from roster.dues_members d
  where d.tenant_id = v_grant.tenant_id and d.member_id = p_member_id for update;
  if not found then return query select 'dues_not_set', null::uuid, null::text, null::integer, null::integer, null::text; return; end if;
  if (case when position('Q' in p_period) > 0 then 'quarterly' else 'monthly' end) <> v_settings.schedule then
    return query select 'dues_period_schedule', null::uuid, null::text, null::integer, null::integer, null::text; return;
  end if;

  -- A quarter overlaps its months, a month its quarter.
  if position('Q' in p_period) > 0 then
    v_overlapping := array[p_period] || array(
      select split_part(p_period, '-Q', 1) || '-' || lpad(((split_part(p_period, '-Q', 2)::int - 1) * 3 + i)::text, 2, '0') from generate_series(1, 3) i);
  else
    v_overlapping := array[p_period, split_part(p_period, '-', 1) || '-Q' || ceil(split_part(p_period, '-', 2)::int / 3.0)::int];
  end if;
  select p.period into v_taken from roster.dues_payments p
  where p.tenant_id = v_grant.tenant_id and p.member_id = p_member_id and p.voided_at is null and p.period = any(v_overlapping) limit 1;
  if found then return query select 'dues_period_paid', null::uuid, v_taken, null::integer, null::integer, null::text; return; end if;

  select c.id, c.number into v_certificate from roster.certificates c
  where c.tenant_id = v_grant.tenant_id and c.member_id = p_member_id and c.status = 'valid' and c.valid_until >= v_today;
  if not found then return query select 'dues_no_certificate', null::uuid, null::text, null::integer, null::integer, null::text; return; end if;

  begin
    insert into roster.dues_payments (tenant_id, member_id, period, due_fen, paid_fen, paid_on, place, certificate_id, certificate_number,
      receiver_tenant_id, receiver_org_id, receiver_org_name, recorded_by, idempotency_key, request_digest, created_at)
    values (v_grant.tenant_id, p_member_id, p_period,
      v_settings.monthly_due_fen * (case when position('Q' in p_period) > 0 then 3 else 1 end), p_paid_fen, p_paid_on, 'destination',
      v_certificate.id, v_certificate.number, v_tenant, v_grant.grantee_org_id, coalesce(v_grant.org_name, ''), v_user, p_key, p_digest, p_now)
    returning * into v_payment;
  exception when unique_violation then
    get stacked diagnostics v_constraint = constraint_name;
    if v_constraint = 'dues_payments_period_once' then
      return query select 'dues_period_paid', null::uuid, p_period, null::integer, null::integer, null::text; return;
    end if;
    return query select 'key_conflict', null::uuid, null::text, null::integer, null::integer, null::text; return;
  end;

  -- The payment is contact with the organization (last-contact.ts: forward only, never past now).
  v_contact := least((p_paid_on::timestamp - interval '8 hours') at time zone 'UTC', p_now);
  update roster.members m
  set last_contact_at = greatest(m.last_contact_at, v_contact),
      last_contact_source = case when m.last_contact_at is null or m.last_contact_at < v_contact then 'dues'::roster.contact_source else m.last_contact_source end
  where m.tenant_id = v_grant.tenant_id and m.id = p_member_id and (m.last_contact_at is null or m.last_contact_at < v_contact);

  return query select 'recorded', v_payment.id, v_payment.period, v_payment.due_fen, v_payment.paid_fen, v_payment.certificate_number;
end
$$;

-- Only the request role calls it (not PUBLIC).
REVOKE ALL ON FUNCTION roster.record_dues_as_destination(uuid, text, integer, date, text, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION roster.record_dues_as_destination(uuid, text, integer, date, text, text, timestamptz) TO tongxin_app;
