import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

// Issue 17: dues records (党费), not payment. The harness's clock stands at 2026-11-02 09:00
// Beijing time, so 2026-11 and 2026-Q4 are running, 2026-12 is in the future.
let h: ServiceHarness;
let ids: Record<string, string>;
let paths: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
let liMing: string; // 涌水村流动党员党支部, mobile, account user-liming, checked in with 永兴's 深圳 flow branch, holds a certificate
let liHua: string; // 涌水村流动党员党支部, mobile, checked in with the 深圳 flow branch, no certificate
let caoChunsheng: string; // 涌水村, account user-cao
let huangWenjie: string; // 龙潭村 (黄草镇)

const trpc = (name: string) => `/api/roster/trpc/dues.${name}`;
const liMingAccount = () => as.memberAs('user-liming', 'yongshuiMobile');
const caoAccount = () => as.memberAs('user-cao', 'yongshui');
const home = () => as.secretaryOf('yongshuiMobile');
const destination = () => as.secretaryOf('shenzhen');
const payments = (memberId: string) => db.rows(sql`select * from roster.dues_payments where member_id = ${memberId} order by period, paid_fen`);
const record = (memberId: string, key: string, extra: object = {}) => ({ memberId, period: '2026-10', paidFen: 150, paidOn: '2026-10-20', idempotencyKey: key, ...extra });
const settings = (memberId: string, extra: object = {}) => ({ memberId, schedule: 'monthly', band: 'upto_3000', monthlyDueFen: 150, dueFrom: '2026-09', ...extra });

const grant = (memberId: string, granteeTenant: string, org: string, path: string) =>
  h.database.owner.execute(sql`insert into roster.ledger_grants (tenant_id, member_id, checkin_id, grantee_tenant_id, grantee_org_id, grantee_org_path, fields, data, granted_by, granted_at)
    values ('yx', ${memberId}, gen_random_uuid(), ${granteeTenant}, ${ids[org]}, ${path}, array['destinationCity'],
      jsonb_build_object('name', (select name from roster.members where id = ${memberId}), 'originBranch', '涌水村流动党员党支部', 'originTenant', 'yx'),
      'sec', '2026-10-01T10:00:00+08:00')`);

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids, paths } = await seedRoster(h.database));
  as = callers(ids);
  db = ownerReads(h.database);
  liMing = await db.memberId('李明');
  liHua = await db.memberId('李华');
  caoChunsheng = await db.memberId('曹春生');
  huangWenjie = await db.memberId('黄文杰');
  await h.database.owner.execute(sql`update roster.members set user_id = 'user-cao' where id = ${caoChunsheng}`);
  // 李明's certificate, issued by 马田镇, valid to March.
  await h.database.owner.execute(sql`insert into roster.certificates (tenant_id, number, year, seq, member_id, holder_name, branch_id, branch_name, county_name,
      issuer_org_id, issuer_name, left_on, issued_on, valid_until, destination_city, issued_by, idempotency_key)
    values ('yx', '永兴〔2026〕第001号', 2026, 1, ${liMing}, '李明', ${ids.yongshuiMobile}, '涌水村流动党员党支部', '永兴县', ${ids.matian}, '马田镇党委',
      '2026-09-01', '2026-09-01', '2027-03-01', '深圳', 'sec-matian', 'cert-1')`);
  // Both checked in with the county's own flow branch in 深圳 (the main case: same county).
  await grant(liMing, 'yx', 'shenzhen', paths.shenzhen!);
  await grant(liHua, 'yx', 'shenzhen', paths.shenzhen!);
});
afterAll(() => h.close());

describe('dues.rates and dues.setRate: the county’s dues table', () => {
  it('a secretary reads the national standard until the department changes a line', async () => {
    const rates = await h.query(trpc('rates'), { as: home() });
    expect(rates.error).toBeNull();
    expect(rates.data).toContainEqual({ band: 'upto_3000', rateBp: 50, fixedFen: null, county: false });
    expect(rates.data).toContainEqual({ band: 'student', rateBp: null, fixedFen: 20, county: false });
  });

  it('the department sets a line of its own county only; another county still reads the national standard', async () => {
    const set = await h.mutate(trpc('setRate'), { as: as.department(), input: { band: 'unemployed', fixedFen: 50 } });
    expect(set.error).toBeNull();
    expect(set.data).toContainEqual({ band: 'unemployed', rateBp: null, fixedFen: 50, county: true });
    const again = await h.mutate(trpc('setRate'), { as: as.department(), input: { band: 'unemployed', fixedFen: 50 } });
    expect(again.error).toBeNull();
    expect(await db.rows(sql`select tenant_id, band, fixed_fen from roster.dues_rates`)).toEqual([{ tenant_id: 'yx', band: 'unemployed', fixed_fen: 50 }]);
    const rc = await h.query(trpc('rates'), { as: as.department('rc') });
    expect(rc.data).toContainEqual({ band: 'unemployed', rateBp: null, fixedFen: 20, county: false });
  });

  it('a secretary or a member may not change the table (FORBIDDEN); a rate for a fixed band is BAD_REQUEST; nothing changes', async () => {
    expect((await h.mutate(trpc('setRate'), { as: home(), input: { band: 'upto_3000', rateBp: 10 } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('setRate'), { as: liMingAccount(), input: { band: 'upto_3000', rateBp: 10 } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('rates'), { as: liMingAccount() })).error?.code).toBe('FORBIDDEN');
    const wrongKind = await h.mutate(trpc('setRate'), { as: as.department(), input: { band: 'student', rateBp: 50 } });
    expect(wrongKind.error).toMatchObject({ code: 'BAD_REQUEST', fields: { fixedFen: 'dues_rate_kind' } });
    const negative = await h.mutate(trpc('setRate'), { as: as.department(), input: { band: 'student', fixedFen: -1 } });
    expect(negative.error).toMatchObject({ code: 'BAD_REQUEST', fields: { fixedFen: 'too_small' } });
    expect(await db.count('dues_rates')).toBe(1);
  });
});

describe('dues.setMember: a member’s schedule, band and amount due', () => {
  it('the home branch’s secretary sets them; setting them again changes nothing', async () => {
    const first = await h.mutate(trpc('setMember'), { as: home(), input: settings(liMing) });
    expect(first.error).toBeNull();
    expect(first.data).toMatchObject({ schedule: 'monthly', band: 'upto_3000', monthlyDueFen: 150, dueFrom: '2026-09', setBy: 'sec-yongshuiMobile' });
    expect((await h.mutate(trpc('setMember'), { as: home(), input: settings(liMing) })).error).toBeNull();
    expect((await h.mutate(trpc('setMember'), { as: as.secretaryOf('matian'), input: settings(liHua, { schedule: 'quarterly', dueFrom: undefined }) })).error).toBeNull();
    expect(await db.rows(sql`select member_id, schedule, due_from from roster.dues_members order by schedule`)).toEqual([
      { member_id: liMing, schedule: 'monthly', due_from: '2026-09' },
      { member_id: liHua, schedule: 'quarterly', due_from: '2026-11' },
    ]);
  });

  it('an amount below zero or a first month in the future is BAD_REQUEST naming the field, and nothing changes', async () => {
    const negative = await h.mutate(trpc('setMember'), { as: home(), input: settings(liMing, { monthlyDueFen: -50 }) });
    expect(negative.error).toMatchObject({ code: 'BAD_REQUEST', fields: { monthlyDueFen: 'too_small' } });
    const future = await h.mutate(trpc('setMember'), { as: home(), input: settings(liMing, { dueFrom: '2027-01' }) });
    expect(future.error).toMatchObject({ code: 'BAD_REQUEST', fields: { dueFrom: 'future_month' } });
    expect(await db.rows(sql`select monthly_due_fen, due_from from roster.dues_members where member_id = ${liMing}`)).toEqual([{ monthly_due_fen: 150, due_from: '2026-09' }]);
  });

  it('a first month centuries back (every month since then listed as arrears) is BAD_REQUEST naming dueFrom, and nothing changes', async () => {
    const ancient = await h.mutate(trpc('setMember'), { as: home(), input: settings(liMing, { dueFrom: '0001-01' }) });
    expect(ancient.error).toMatchObject({ code: 'BAD_REQUEST', fields: { dueFrom: 'too_small' } });
    expect(await db.rows(sql`select due_from from roster.dues_members where member_id = ${liMing}`)).toEqual([{ due_from: '2026-09' }]);
  });

  it('another branch’s secretary, the destination and another county find no such member (NOT_FOUND); a member is FORBIDDEN', async () => {
    for (const caller of [as.secretaryOf('longtan'), destination(), as.department('rc')]) {
      expect((await h.mutate(trpc('setMember'), { as: caller, input: settings(liMing, { monthlyDueFen: 1 }) })).error?.code).toBe('NOT_FOUND');
    }
    expect((await h.mutate(trpc('setMember'), { as: liMingAccount(), input: settings(liMing, { monthlyDueFen: 1 }) })).error?.code).toBe('FORBIDDEN');
    expect(await db.rows(sql`select monthly_due_fen from roster.dues_members where member_id = ${liMing}`)).toEqual([{ monthly_due_fen: 150 }]);
  });
});

describe('dues.record: a payment the secretary who received it records', () => {
  it('at home: recorded once however often it is retried, and it counts as contact with the organization', async () => {
    const first = await h.mutate(trpc('record'), { as: home(), input: record(liMing, 'dues-liming-10') });
    const retry = await h.mutate(trpc('record'), { as: home(), input: record(liMing, 'dues-liming-10') });
    expect(first.error).toBeNull();
    expect(first.data).toEqual({ paymentId: expect.any(String), period: '2026-10', dueFen: 150, paidFen: 150, place: 'home', certificateNumber: null });
    expect(retry.data).toEqual(first.data);
    expect(await payments(liMing)).toEqual([
      expect.objectContaining({ period: '2026-10', paid_on: '2026-10-20', place: 'home', receiver_org_name: '涌水村流动党员党支部', recorded_by: 'sec-yongshuiMobile' }),
    ]);
    const member = await db.member(liMing);
    expect(member.last_contact_source).toBe('dues');
    expect(new Date(member.last_contact_at).toISOString()).toBe('2026-10-19T16:00:00.000Z');
  });

  it('the same key with other content is CONFLICT, and nothing is written', async () => {
    const result = await h.mutate(trpc('record'), { as: home(), input: record(liMing, 'dues-liming-10', { period: '2026-09' }) });
    expect(result.error?.code).toBe('CONFLICT');
    expect(await payments(liMing)).toHaveLength(1);
  });

  it('bad input is BAD_REQUEST naming the field, and nothing is written', async () => {
    const cases: [object, string, string][] = [
      [{ paidFen: -1 }, 'paidFen', 'too_small'],
      [{ period: '2026-12' }, 'period', 'dues_period_future'],
      [{ period: '2026-Q3' }, 'period', 'dues_period_schedule'],
      [{ period: '2026-10' }, 'period', 'dues_period_paid'],
      [{ period: '2026-13' }, 'period', 'invalid_format'],
      [{ period: '2026-09', paidOn: '2026-11-03' }, 'paidOn', 'future_date'],
    ];
    for (const [extra, field, code] of cases) {
      const result = await h.mutate(trpc('record'), { as: home(), input: record(liMing, `dues-bad-${field}-${code}`, extra) });
      expect(result.error, `${field} ${code}`).toMatchObject({ code: 'BAD_REQUEST', fields: { [field]: code } });
    }
    const notSet = await h.mutate(trpc('record'), { as: as.secretaryOf('yongshui'), input: record(caoChunsheng, 'dues-cao-1') });
    expect(notSet.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'dues_not_set' } });
    expect(await db.count('dues_payments')).toBe(1);
  });

  it('another branch’s secretary and another county find no such member (NOT_FOUND); a member is FORBIDDEN; nobody records their own', async () => {
    for (const caller of [as.secretaryOf('longtan'), as.department('rc'), as.secretaryOf('reshui', 'rc')]) {
      expect((await h.mutate(trpc('record'), { as: caller, input: record(liMing, `dues-out-${caller.userId}`, { period: '2026-09' }) })).error?.code).toBe('NOT_FOUND');
    }
    expect((await h.mutate(trpc('record'), { as: liMingAccount(), input: record(liMing, 'dues-self', { period: '2026-09' }) })).error?.code).toBe('FORBIDDEN');
    const self = { tenantId: 'yx', userId: 'user-liming', roles: [{ role: 'secretary' as const, orgId: ids.yongshuiMobile! }] };
    expect((await h.mutate(trpc('record'), { as: self, input: record(liMing, 'dues-self-2', { period: '2026-09' }) })).error).toMatchObject({ code: 'FORBIDDEN', reason: 'decides_about_oneself' });
    expect(await payments(liMing)).toHaveLength(1);
  });

  it('at the destination: the flow branch the member checked in with records it, naming the member’s valid certificate', async () => {
    const result = await h.mutate(trpc('record'), { as: destination(), input: record(liMing, 'dues-liming-11', { period: '2026-11', paidOn: '2026-11-01' }) });
    expect(result.error).toBeNull();
    expect(result.data).toMatchObject({ period: '2026-11', place: 'destination', certificateNumber: '永兴〔2026〕第001号' });
    expect((await payments(liMing)).find((p) => p.period === '2026-11')).toMatchObject({ receiver_org_id: ids.shenzhen, receiver_org_name: '永兴县驻深圳流动党员党支部', recorded_by: 'sec-shenzhen' });
    expect((await db.member(liMing)).last_contact_source).toBe('dues');
    // The retry answers the same, also for the destination.
    const retry = await h.mutate(trpc('record'), { as: destination(), input: record(liMing, 'dues-liming-11', { period: '2026-11', paidOn: '2026-11-01' }) });
    expect(retry.data).toEqual(result.data);
    expect(await payments(liMing)).toHaveLength(2);
  });

  it('at the destination without a valid certificate is BAD_REQUEST; a member not checked in there is NOT_FOUND; nothing is written', async () => {
    const noCertificate = await h.mutate(trpc('record'), { as: destination(), input: record(liHua, 'dues-lihua-q4', { period: '2026-Q4', paidFen: 60, paidOn: '2026-11-01' }) });
    expect(noCertificate.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'dues_no_certificate' } });
    const notHere = await h.mutate(trpc('record'), { as: destination(), input: record(huangWenjie, 'dues-huang-1') });
    expect(notHere.error?.code).toBe('NOT_FOUND');
    expect(await payments(liHua)).toEqual([]);
    expect(await payments(huangWenjie)).toEqual([]);
  });

  it('a destination of another county records through record_dues_as_destination: without a certificate it is BAD_REQUEST, nothing written', async () => {
    // The recording itself and its wrong callers: dues-across-counties.test.ts.
    await h.database.owner.execute(sql`insert into roster.org_directory (tenant_id, org_id, kind, name, path) values ('rc', ${ids.reshui}, 'branch', '热水村党支部', ${paths.reshui})`);
    await grant(liHua, 'rc', 'reshui', paths.reshui!);
    const result = await h.mutate(trpc('record'), { as: as.secretaryOf('reshui', 'rc'), input: record(liHua, 'dues-lihua-rc', { period: '2026-Q4' }) });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'dues_no_certificate' } });
    expect(await payments(liHua)).toEqual([]);
  });
});

describe('dues.void: the correction', () => {
  it('the home side voids a wrong record with a reason, and the period can be recorded again; a second void is BAD_REQUEST', async () => {
    const wrong = (await payments(liMing)).find((p) => p.period === '2026-10');
    const destinationTries = await h.mutate(trpc('void'), { as: destination(), input: { paymentId: wrong.id, reason: '金额有误' } });
    expect(destinationTries.error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('void'), { as: liMingAccount(), input: { paymentId: wrong.id, reason: '金额有误' } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('void'), { as: as.secretaryOf('longtan'), input: { paymentId: wrong.id, reason: '金额有误' } })).error?.code).toBe('NOT_FOUND');
    const voided = await h.mutate(trpc('void'), { as: home(), input: { paymentId: wrong.id, reason: '金额有误' } });
    expect(voided.error).toBeNull();
    expect((await h.mutate(trpc('void'), { as: home(), input: { paymentId: wrong.id, reason: '金额有误' } })).error).toBeNull();
    const other = await h.mutate(trpc('void'), { as: home(), input: { paymentId: wrong.id, reason: '另一个原因' } });
    expect(other.error).toMatchObject({ code: 'BAD_REQUEST', fields: { paymentId: 'dues_payment_voided' } });
    const again = await h.mutate(trpc('record'), { as: home(), input: record(liMing, 'dues-liming-10b', { paidFen: 160 }) });
    expect(again.error).toBeNull();
    expect((await payments(liMing)).map((p) => [p.period, p.paid_fen, p.void_reason])).toEqual([
      ['2026-10', 150, '金额有误'],
      ['2026-10', 160, null],
      ['2026-11', 150, null],
    ]);
  });
});

describe('dues.table: a branch’s and a township’s table', () => {
  it('the branch’s month: each member’s period, due, paid and unpaid, with totals', async () => {
    const table = await h.query(trpc('table'), { as: home(), input: { orgId: ids.yongshuiMobile, period: '2026-11' } });
    expect(table.error).toBeNull();
    expect(table.data.rows.map((r: any) => [r.name, r.source, r.period, r.dueFen, r.paidFen, r.unpaidFen])).toEqual([
      ['李华', 'member', '2026-Q4', 300, 0, 300],
      ['李明', 'member', '2026-11', 150, 150, 0],
    ]);
    expect(table.data.totals).toEqual({ members: 2, dueFen: 450, paidFen: 150, unpaidFen: 300, unpaidMembers: 1, notSet: 0 });
  });

  it('the township’s quarter adds up a monthly payer’s three months; members without a schedule are counted apart', async () => {
    const table = await h.query(trpc('table'), { as: as.secretaryOf('matian'), input: { orgId: ids.matian, period: '2026-Q4' } });
    const liMingRow = table.data.rows.find((r: any) => r.name === '李明');
    expect(liMingRow).toMatchObject({ period: '2026-Q4', dueFen: 450, paidFen: 310, unpaidFen: 140 });
    expect(table.data.totals).toMatchObject({ members: 4, notSet: 2 });
  });

  it('the flow branch’s table lists the members of the county checked in with it', async () => {
    const table = await h.query(trpc('table'), { as: destination(), input: { orgId: ids.shenzhen, period: '2026-11' } });
    expect(table.data.rows.map((r: any) => [r.name, r.source, r.branchName, r.paidFen])).toEqual([
      ['李华', 'checked_in', '涌水村流动党员党支部', 0],
      ['李明', 'checked_in', '涌水村流动党员党支部', 150],
    ]);
  });

  it('another township’s secretary and another county find no such org (NOT_FOUND); a member is FORBIDDEN', async () => {
    expect((await h.query(trpc('table'), { as: as.secretaryOf('huangcao'), input: { orgId: ids.matian, period: '2026-11' } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('table'), { as: as.department('rc'), input: { orgId: ids.matian, period: '2026-11' } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('table'), { as: liMingAccount(), input: { orgId: ids.yongshuiMobile, period: '2026-11' } })).error?.code).toBe('FORBIDDEN');
  });
});

describe('dues.mine and dues.member: the member’s own record', () => {
  it('the member reads their periods, due, paid, where, and arrears', async () => {
    const mine = await h.query(trpc('mine'), { as: liMingAccount() });
    expect(mine.error).toBeNull();
    expect(mine.data.periods.map((p: any) => [p.period, p.state, p.dueFen, p.paidFen, p.payment?.place ?? null])).toEqual([
      ['2026-11', 'paid', 150, 150, 'destination'],
      ['2026-10', 'paid', 150, 160, 'home'],
      ['2026-09', 'arrears', 150, 0, null],
    ]);
    expect(mine.data).toMatchObject({ arrearsFen: 150, arrearsPeriods: 1, settings: { schedule: 'monthly', band: 'upto_3000' } });
    expect(mine.data.otherPayments).toEqual([expect.objectContaining({ period: '2026-10', voidReason: '金额有误' })]);
  });

  it('another member reads only their own; a secretary without the member role is FORBIDDEN; another county’s member has no record here', async () => {
    const cao = await h.query(trpc('mine'), { as: caoAccount() });
    expect(cao.data).toMatchObject({ name: '曹春生', settings: null, periods: [], otherPayments: [] });
    expect((await h.query(trpc('mine'), { as: home() })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('mine'), { as: as.memberAs('user-liming', 'reshui', 'rc') })).error?.code).toBe('NOT_FOUND');
  });

  it('the home secretary reads a member’s record; another branch’s secretary and another county find nothing (NOT_FOUND)', async () => {
    expect((await h.query(trpc('member'), { as: home(), input: { memberId: liMing } })).data).toMatchObject({ name: '李明', arrearsFen: 150 });
    for (const caller of [as.secretaryOf('longtan'), as.department('rc')]) {
      expect((await h.query(trpc('member'), { as: caller, input: { memberId: liMing } })).error?.code).toBe('NOT_FOUND');
    }
    expect((await h.query(trpc('member'), { as: liMingAccount(), input: { memberId: liMing } })).error?.code).toBe('FORBIDDEN');
  });
});
