import { tenantTransaction } from '@tongxin/db';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

// Issue 17: dues "paid at home or at the destination with the certificate, recorded by the
// secretary who received it" — here the destination is a flow branch of ANOTHER county (汝城),
// which writes into 永兴's dues records only through roster.record_dues_as_destination. The
// harness's clock stands at 2026-11-02 09:00 Beijing time.
let h: ServiceHarness;
let ids: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
let liMing: string; // 涌水村流动党员党支部, account user-liming, holds a certificate, checked in with 汝城's flow branch
let liHua: string; // 涌水村流动党员党支部, no certificate, checked in with 汝城's flow branch

const trpc = (name: string) => `/api/roster/trpc/dues.${name}`;
const home = () => as.secretaryOf('yongshuiMobile');
const rcFlow = () => as.secretaryOf('rcFlow', 'rc');
const payments = (memberId: string) => db.rows(sql`select * from roster.dues_payments where member_id = ${memberId} order by period`);
const record = (memberId: string, key: string, extra: object = {}) => ({ memberId, period: '2026-10', paidFen: 150, paidOn: '2026-10-20', idempotencyKey: key, ...extra });

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  const seeded = await seedRoster(h.database);
  ids = seeded.ids;
  // 汝城's flow branch (beside 热水村, whose secretary's scope does not cover it).
  ids.rcFlow = crypto.randomUUID();
  const rcFlowPath = `${seeded.paths.rcDepartment}${ids.rcFlow}/`;
  await h.database.owner.execute(sql`insert into roster.orgs (tenant_id, id, parent_id, kind, name, path)
    values ('rc', ${ids.rcFlow}, ${ids.rcDepartment}, 'flow_branch', '汝城县驻永兴流动党员党支部', ${rcFlowPath})`);
  as = callers(ids);
  db = ownerReads(h.database);
  liMing = await db.memberId('李明');
  liHua = await db.memberId('李华');
  await h.database.owner.execute(sql`update roster.members set user_id = 'user-liming' where id = ${liMing}`);
  await h.database.owner.execute(sql`insert into roster.certificates (tenant_id, number, year, seq, member_id, holder_name, branch_id, branch_name, county_name,
      issuer_org_id, issuer_name, left_on, issued_on, valid_until, destination_city, issued_by, idempotency_key)
    values ('yx', '永兴〔2026〕第001号', 2026, 1, ${liMing}, '李明', ${ids.yongshuiMobile}, '涌水村流动党员党支部', '永兴县', ${ids.matian}, '马田镇党委',
      '2026-09-01', '2026-09-01', '2027-03-01', '汝城', 'sec-matian', 'cert-1')`);
  for (const memberId of [liMing, liHua]) {
    const set = await h.mutate(trpc('setMember'), { as: home(), input: { memberId, schedule: 'monthly', band: 'upto_3000', monthlyDueFen: 150, dueFrom: '2026-09' } });
    expect(set.error).toBeNull();
    await h.database.owner.execute(sql`insert into roster.ledger_grants (tenant_id, member_id, checkin_id, grantee_tenant_id, grantee_org_id, grantee_org_path, fields, data, granted_by, granted_at)
      values ('yx', ${memberId}, gen_random_uuid(), 'rc', ${ids.rcFlow}, ${rcFlowPath}, array['destinationCity'],
        jsonb_build_object('name', (select name from roster.members where id = ${memberId}), 'originBranch', '涌水村流动党员党支部', 'originTenant', 'yx'),
        'sec', '2026-10-01T10:00:00+08:00')`);
  }
});
afterAll(() => h.close());

describe('dues.record by a destination of another county', () => {
  it('the flow branch the member checked in with records it in the member’s county, once however often it is retried', async () => {
    const first = await h.mutate(trpc('record'), { as: rcFlow(), input: record(liMing, 'rc-liming-10') });
    expect(first.error).toBeNull();
    expect(first.data).toEqual({ paymentId: expect.any(String), period: '2026-10', dueFen: 150, paidFen: 150, place: 'destination', certificateNumber: '永兴〔2026〕第001号' });
    const retry = await h.mutate(trpc('record'), { as: rcFlow(), input: record(liMing, 'rc-liming-10') });
    expect(retry.data).toEqual(first.data);
    expect(await payments(liMing)).toEqual([
      expect.objectContaining({
        tenant_id: 'yx', period: '2026-10', paid_on: '2026-10-20', place: 'destination', certificate_number: '永兴〔2026〕第001号',
        receiver_tenant_id: 'rc', receiver_org_id: ids.rcFlow, receiver_org_name: '汝城县驻永兴流动党员党支部', recorded_by: 'sec-rcFlow',
      }),
    ]);
    const member = await db.member(liMing);
    expect(member.last_contact_source).toBe('dues');
    expect(new Date(member.last_contact_at).toISOString()).toBe('2026-10-19T16:00:00.000Z');
  });

  it('the home county sees the payment in its table, and the member in their own record', async () => {
    const table = await h.query(trpc('table'), { as: home(), input: { orgId: ids.yongshuiMobile, period: '2026-10' } });
    expect(table.error).toBeNull();
    expect(table.data.rows.find((r: any) => r.name === '李明')).toMatchObject({ period: '2026-10', dueFen: 150, paidFen: 150, unpaidFen: 0 });
    const mine = await h.query(trpc('mine'), { as: as.memberAs('user-liming', 'yongshuiMobile') });
    expect(mine.error).toBeNull();
    expect(mine.data.periods.find((p: any) => p.period === '2026-10')).toMatchObject({
      state: 'paid',
      paidFen: 150,
      payment: expect.objectContaining({ place: 'destination', receiverOrgName: '汝城县驻永兴流动党员党支部', certificateNumber: '永兴〔2026〕第001号' }),
    });
  });

  it('the row rules hold across counties: a period recorded, no certificate, a key re-used; nothing is written', async () => {
    const before = await db.count('dues_payments');
    const paid = await h.mutate(trpc('record'), { as: rcFlow(), input: record(liMing, 'rc-liming-10-again') });
    expect(paid.error).toMatchObject({ code: 'BAD_REQUEST', fields: { period: 'dues_period_paid' } });
    const schedule = await h.mutate(trpc('record'), { as: rcFlow(), input: record(liMing, 'rc-liming-q4', { period: '2026-Q4' }) });
    expect(schedule.error).toMatchObject({ code: 'BAD_REQUEST', fields: { period: 'dues_period_schedule' } });
    const future = await h.mutate(trpc('record'), { as: rcFlow(), input: record(liMing, 'rc-liming-12', { period: '2026-12' }) });
    expect(future.error).toMatchObject({ code: 'BAD_REQUEST', fields: { period: 'dues_period_future' } });
    const noCertificate = await h.mutate(trpc('record'), { as: rcFlow(), input: record(liHua, 'rc-lihua-10') });
    expect(noCertificate.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'dues_no_certificate' } });
    const otherContent = await h.mutate(trpc('record'), { as: rcFlow(), input: record(liMing, 'rc-liming-10', { period: '2026-09' }) });
    expect(otherContent.error?.code).toBe('CONFLICT');
    expect(await db.count('dues_payments')).toBe(before);
  });

  it('refuses every wrong caller, and nothing is written', async () => {
    const before = await payments(liMing);
    const input = (key: string) => record(liMing, key, { period: '2026-09', paidOn: '2026-09-20' });
    // 汝城's 热水村 secretary: the grantee org is outside their scope.
    expect((await h.mutate(trpc('record'), { as: as.secretaryOf('reshui', 'rc'), input: input('rc-reshui') })).error?.code).toBe('NOT_FOUND');
    // A third county's department.
    expect((await h.mutate(trpc('record'), { as: as.department('zz'), input: input('rc-zz-department') })).error?.code).toBe('NOT_FOUND');
    // The member, holding a seat of the destination.
    const self = { tenantId: 'rc', userId: 'user-liming', roles: [{ role: 'secretary' as const, orgId: ids.rcFlow! }] };
    expect((await h.mutate(trpc('record'), { as: self, input: input('rc-self-record') })).error).toMatchObject({ code: 'FORBIDDEN', reason: 'decides_about_oneself' });
    // No person: the function itself refuses (SQLSTATE 42501).
    const nobody = await tenantTransaction(h.database, { tenantId: 'rc', tenantWide: true }, (tx) =>
      tx.execute(sql`select * from roster.record_dues_as_destination(${liMing}::uuid, '2026-09', 150, '2026-09-20', 'rc-nobody-record', 'x', now())`),
    ).catch((error: { cause?: { code?: string }; code?: string }) => error.cause?.code ?? error.code);
    expect(nobody).toBe('42501');
    // The grant revoked (the check-in ended): the destination no longer records.
    await h.database.owner.execute(sql`update roster.ledger_grants set revoked_at = now() where member_id = ${liMing} and grantee_tenant_id = 'rc'`);
    expect((await h.mutate(trpc('record'), { as: rcFlow(), input: input('rc-revoked-grant') })).error?.code).toBe('NOT_FOUND');
    expect(await payments(liMing)).toEqual(before);
  });
});
