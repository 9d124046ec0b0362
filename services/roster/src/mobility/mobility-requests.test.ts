import type { RoleGrant } from '@tongxin/auth';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { callers, ownerReads } from '../testing/callers.ts';

// Issue 17: the member files 外出登记 and 返乡登记 themselves; the home branch's secretary (or
// the level above) confirms, which runs the registration, or refuses with a reason.

let h: ServiceHarness;
let ids: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
let chunsheng: string; // 涌水村, account user-cao, at home
let wenjie: string; // 龙潭村, account user-wenjie, at home
let liming: string; // 涌水村流动党员党支部, account user-liming, mobile, and (below) his branch's secretary

type Caller = NonNullable<Parameters<ServiceHarness['query']>[1]>['as'];
const trpc = (name: string) => `/api/roster/trpc/mobility.${name}`;
const cao = () => as.memberAs('user-cao', 'yongshui');
const wenjieAs = () => as.memberAs('user-wenjie', 'longtan');
/** 李明 holds his branch's secretary seat and is a member of it. */
const limingAsSecretary = () => ({
  tenantId: 'yx', userId: 'user-liming', roles: [{ role: 'secretary', orgId: ids.yongshuiMobile! }, { role: 'member', orgId: ids.yongshuiMobile! }] as RoleGrant[],
});

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  as = callers(ids);
  db = ownerReads(h.database);
  chunsheng = await db.memberId('曹春生');
  wenjie = await db.memberId('黄文杰');
  liming = await db.memberId('李明');
  await h.database.owner.execute(sql`update roster.members set user_id = 'user-cao', phone = '13800000011' where id = ${chunsheng}`);
  await h.database.owner.execute(sql`update roster.members set user_id = 'user-wenjie' where id = ${wenjie}`);
  await h.database.owner.execute(sql`update roster.members set away_since = '2026-05-01' where id = ${liming}`);
  // 李明's seat, as identity's seats_changed leaves it in roster's copy.
  await h.database.owner.execute(sql`insert into roster.seats (tenant_id, user_id, org_id) values ('yx', 'user-liming', ${ids.yongshuiMobile})`);
});
afterAll(() => h.close());

const outflow = (key: string, extra: object = {}) => ({
  leftOn: '2026-10-28', destinationProvince: '广东', destinationCity: '东莞', reasonCode: 'work', reason: '进厂务工', expectedMonths: 12,
  contactPhone: '13900000022', idempotencyKey: key, ...extra,
});
const back = (key: string, extra: object = {}) => ({ returnedOn: '2026-11-01', activities: '在东莞务工，参加流动党支部组织生活', joinedOrg: '东莞市长安镇流动党员党支部', meetings: 3, idempotencyKey: key, ...extra });
const requestsOf = (memberId: string) => db.rows(sql`select id, kind, status, refusal_reason, outflow_id from roster.mobility_requests where member_id = ${memberId} order by filed_at`);
const pending = async (caller: Caller) => (await h.query(trpc('requests'), { as: caller, input: {} })).data as { total: number; rows: { id: string; name: string }[] };

let outflowRequest: string;

describe('mobility.fileOutflow', () => {
  it('a member files 外出登记: it waits for the branch, changes nothing yet, and a retry files it once', async () => {
    const outflows = await db.count('outflows');
    const first = await h.mutate(trpc('fileOutflow'), { as: cao(), input: outflow('file-out-cao-1') });
    const retry = await h.mutate(trpc('fileOutflow'), { as: cao(), input: outflow('file-out-cao-1') });
    expect(first.error).toBeNull();
    expect(retry.data).toEqual(first.data);
    outflowRequest = first.data.requestId;
    expect(await requestsOf(chunsheng)).toEqual([{ id: outflowRequest, kind: 'outflow', status: 'pending', refusal_reason: null, outflow_id: null }]);
    expect(await db.count('outflows')).toBe(outflows);
    expect(await db.member(chunsheng)).toMatchObject({ status: 'resident', away_since: null });
  });

  it('a second outflow request while one waits is BAD_REQUEST naming kind, and nothing is added', async () => {
    const result = await h.mutate(trpc('fileOutflow'), { as: cao(), input: outflow('file-out-cao-2', { destinationCity: '广州' }) });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { kind: 'mobility_request_pending' } });
    expect(await requestsOf(chunsheng)).toHaveLength(1);
  });

  it('a member already away is BAD_REQUEST naming memberId', async () => {
    const result = await h.mutate(trpc('fileOutflow'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: outflow('file-out-liming-1') });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'already_away' } });
    expect(await requestsOf(liming)).toEqual([]);
  });

  it('bad input is BAD_REQUEST naming each field, and nothing is filed', async () => {
    const before = await db.count('mobility_requests');
    const cases: [object, Record<string, string>][] = [
      [{ reasonCode: 'holiday' }, { reasonCode: 'invalid_value' }],
      [{ expectedMonths: 0 }, { expectedMonths: 'too_small' }],
      [{ contactPhone: '12345' }, { contactPhone: 'invalid_phone' }],
      [{ destinationCity: '  ' }, { destinationCity: 'required' }],
      [{ leftOn: '2099-01-01' }, { leftOn: 'too_far_ahead' }],
    ];
    for (const [extra, fields] of cases) {
      const result = await h.mutate(trpc('fileOutflow'), { as: wenjieAs(), input: outflow(`file-out-bad-${Object.keys(extra)[0]}`, extra) });
      expect(result.error, JSON.stringify(extra)).toMatchObject({ code: 'BAD_REQUEST', fields });
    }
    expect(await db.count('mobility_requests')).toBe(before);
  });

  it('only a member files for themself: a secretary-only or operator account is FORBIDDEN; a key another member used is CONFLICT', async () => {
    expect((await h.mutate(trpc('fileOutflow'), { as: as.secretaryOf('yongshui'), input: outflow('file-out-sec-1') })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('fileOutflow'), { as: as.admin(), input: outflow('file-out-admin-1') })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('fileOutflow'), { as: wenjieAs(), input: outflow('file-out-cao-1') })).error?.code).toBe('CONFLICT');
    expect(await requestsOf(wenjie)).toEqual([]);
  });
});

describe('mobility.requests (the secretary\'s queue)', () => {
  it('the home branch, the township and the department see the request with a count; another branch and another county see none', async () => {
    for (const caller of [as.secretaryOf('yongshui'), as.secretaryOf('matian'), as.department()]) {
      const queue = await pending(caller);
      expect(queue.total).toBe(1);
      expect(queue.rows[0]).toMatchObject({ id: outflowRequest, name: '曹春生', branch: '涌水村党支部', kind: 'outflow', contactPhone: '13900000022', reasonCode: 'work' });
    }
    for (const caller of [as.secretaryOf('longtan'), as.secretaryOf('yongshui', 'rc'), as.department('rc')]) expect(await pending(caller)).toEqual({ total: 0, rows: [] });
  });

  it('a member cannot read the queue (FORBIDDEN)', async () => {
    expect((await h.query(trpc('requests'), { as: cao(), input: {} })).error?.code).toBe('FORBIDDEN');
  });
});

describe('mobility.decideRequest', () => {
  const decide = (caller: Caller, requestId: string, decision: 'confirm' | 'refuse', reason?: string) =>
    h.mutate(trpc('decideRequest'), { as: caller, input: { requestId, decision, ...(reason ? { reason } : {}) } });

  it('another branch\'s secretary and another county are NOT_FOUND; the member, another member and an operator are FORBIDDEN; nothing changes', async () => {
    expect((await decide(as.secretaryOf('longtan'), outflowRequest, 'confirm')).error?.code).toBe('NOT_FOUND');
    expect((await decide(as.secretaryOf('yongshui', 'rc'), outflowRequest, 'confirm')).error?.code).toBe('NOT_FOUND');
    expect((await decide(cao(), outflowRequest, 'confirm')).error?.code).toBe('FORBIDDEN');
    expect((await decide(wenjieAs(), outflowRequest, 'confirm')).error?.code).toBe('FORBIDDEN');
    expect((await decide(as.admin(), outflowRequest, 'confirm')).error?.code).toBe('FORBIDDEN');
    expect(await requestsOf(chunsheng)).toMatchObject([{ status: 'pending' }]);
    expect(await db.member(chunsheng)).toMatchObject({ status: 'resident' });
  });

  it('a refusal without a reason is BAD_REQUEST naming reason', async () => {
    const result = await h.mutate(trpc('decideRequest'), { as: as.secretaryOf('yongshui'), input: { requestId: outflowRequest, decision: 'refuse' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { reason: 'reason_required' } });
    expect(await requestsOf(chunsheng)).toMatchObject([{ status: 'pending' }]);
  });

  it('the branch secretary confirms: the registration runs as when the secretary records it, once however often it is sent', async () => {
    const first = await decide(as.secretaryOf('yongshui'), outflowRequest, 'confirm');
    const retry = await decide(as.secretaryOf('yongshui'), outflowRequest, 'confirm');
    expect(first.error).toBeNull();
    expect(retry.data).toEqual(first.data);
    expect(first.data).toEqual({ requestId: outflowRequest, status: 'confirmed', outflowId: expect.any(String) });
    expect(await db.member(chunsheng)).toMatchObject({ status: 'mobile', away_since: '2026-10-28', destination_city: '东莞', destination_province: '广东', away_reason: 'work' });
    expect(await db.rows(sql`select id, left_on::text, reason_code, reason, expected_months, recorded_by from roster.outflows where member_id = ${chunsheng}`)).toEqual([
      { id: first.data.outflowId, left_on: '2026-10-28', reason_code: 'work', reason: '进厂务工', expected_months: 12, recorded_by: 'sec-yongshui' },
    ]);
    const versions = await db.versions(chunsheng);
    expect(versions.map((v) => [v.action, v.actor_role])).toEqual([['outflow', 'secretary']]);
    expect(versions[0].changes).toContainEqual({ field: 'awayReason', from: null, to: 'work' });
    expect(await requestsOf(chunsheng)).toEqual([{ id: outflowRequest, kind: 'outflow', status: 'confirmed', refusal_reason: null, outflow_id: first.data.outflowId }]);
    // Decided: no longer in the queue; a refusal now is BAD_REQUEST.
    expect((await pending(as.secretaryOf('yongshui'))).total).toBe(0);
    expect((await decide(as.secretaryOf('yongshui'), outflowRequest, 'refuse', '不对')).error).toMatchObject({ code: 'BAD_REQUEST', fields: { requestId: 'already_decided' } });
  });

  it('a departure filed ahead is confirmed from its day on (BAD_REQUEST not_left_yet before), or refused with words the member reads', async () => {
    const filed = await h.mutate(trpc('fileOutflow'), { as: wenjieAs(), input: outflow('file-out-wenjie-1', { leftOn: '2026-11-20' }) });
    const requestId = filed.data.requestId as string;
    expect((await decide(as.secretaryOf('longtan'), requestId, 'confirm')).error).toMatchObject({ code: 'BAD_REQUEST', fields: { requestId: 'not_left_yet' } });
    expect(await db.member(wenjie)).toMatchObject({ status: 'resident' });
    expect((await decide(as.secretaryOf('longtan'), requestId, 'refuse', '请出发当天再登记')).data).toMatchObject({ status: 'refused' });
    const mine = await h.query(trpc('mine'), { as: wenjieAs() });
    expect(mine.data.requests[0]).toMatchObject({ id: requestId, status: 'refused', refusalReason: '请出发当天再登记' });
    expect(mine.data.away).toBe(false);
  });

});

describe('mobility.withdrawRequest', () => {
  it('the member withdraws a pending request once; another member cannot (NOT_FOUND), nor a secretary (FORBIDDEN); a withdrawn one is not decided', async () => {
    const filed = await h.mutate(trpc('fileOutflow'), { as: wenjieAs(), input: outflow('file-out-wenjie-2') });
    const requestId = filed.data.requestId as string;
    expect((await h.mutate(trpc('withdrawRequest'), { as: cao(), input: { requestId } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('withdrawRequest'), { as: as.secretaryOf('longtan'), input: { requestId } })).error?.code).toBe('FORBIDDEN');
    const first = await h.mutate(trpc('withdrawRequest'), { as: wenjieAs(), input: { requestId } });
    const retry = await h.mutate(trpc('withdrawRequest'), { as: wenjieAs(), input: { requestId } });
    expect(first.data).toEqual({ requestId, status: 'withdrawn' });
    expect(retry.data).toEqual(first.data);
    expect((await decide(as.secretaryOf('longtan'), requestId, 'confirm')).error).toMatchObject({ code: 'BAD_REQUEST', fields: { requestId: 'already_decided' } });
    expect(await db.member(wenjie)).toMatchObject({ status: 'resident' });
    expect((await h.mutate(trpc('withdrawRequest'), { as: wenjieAs(), input: { requestId: 'not-a-uuid' } })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { requestId: expect.any(String) } });
  });

  const decide = (caller: Caller, requestId: string, decision: 'confirm' | 'refuse') =>
    h.mutate(trpc('decideRequest'), { as: caller, input: { requestId, decision } });
});

describe('mobility.fileReturn', () => {
  let returnRequest: string;
  let certificateId: string;

  it('a member at home is BAD_REQUEST naming memberId; a day before leaving is BAD_REQUEST naming returnedOn', async () => {
    expect((await h.mutate(trpc('fileReturn'), { as: wenjieAs(), input: back('file-back-wenjie-1') })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'not_away' } });
    expect((await h.mutate(trpc('fileReturn'), { as: cao(), input: back('file-back-cao-early', { returnedOn: '2026-10-01' }) })).error)
      .toMatchObject({ code: 'BAD_REQUEST', fields: { returnedOn: 'before_left_on' } });
    expect((await h.mutate(trpc('fileReturn'), { as: cao(), input: back('file-back-cao-bad', { meetings: -1 }) })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { meetings: 'too_small' } });
    expect(await requestsOf(wenjie)).not.toContainEqual(expect.objectContaining({ kind: 'return' }));
    expect(await requestsOf(chunsheng)).toHaveLength(1);
  });

  it('the report on the time away is given once: it goes onto the activity certificate the member holds, and the page offers it back', async () => {
    const [certificate] = await db.rows(sql`insert into roster.certificates (tenant_id, number, year, seq, member_id, holder_name, branch_id, branch_name, county_name,
      issuer_org_id, issuer_name, left_on, issued_on, valid_until, destination_city, issued_by, idempotency_key)
      values ('yx', '永兴〔2026〕第101号', 2026, 101, ${chunsheng}, '曹春生', ${ids.yongshui}, '涌水村党支部', '永兴县', ${ids.matian}, '马田镇党委',
        '2026-10-28', '2026-10-28', '2027-03-01', '东莞', 'sec-matian', 'cert-cao-1') returning id`);
    certificateId = certificate.id;
    const first = await h.mutate(trpc('fileReturn'), { as: cao(), input: back('file-back-cao-1') });
    const retry = await h.mutate(trpc('fileReturn'), { as: cao(), input: back('file-back-cao-1') });
    expect(first.error).toBeNull();
    expect(retry.data).toEqual(first.data);
    returnRequest = first.data.requestId;
    expect(await db.rows(sql`select report_activities, report_joined_org, report_meetings from roster.certificates where id = ${certificateId}`)).toEqual([
      { report_activities: '在东莞务工，参加流动党支部组织生活', report_joined_org: '东莞市长安镇流动党员党支部', report_meetings: 3 },
    ]);
    const mine = await h.query(trpc('mine'), { as: cao() });
    expect(mine.data).toMatchObject({
      away: true, awaySince: '2026-10-28', destinationCity: '东莞',
      prefill: { contactPhone: '13800000011', reportActivities: '在东莞务工，参加流动党支部组织生活', reportMeetings: 3, reportedOnCertificate: true },
    });
    expect(mine.data.requests.map((r: { kind: string; status: string }) => `${r.kind}:${r.status}`).sort()).toEqual(['outflow:confirmed', 'return:pending']);
    expect((await h.mutate(trpc('fileReturn'), { as: cao(), input: back('file-back-cao-2') })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { kind: 'mobility_request_pending' } });
  });

  it('confirmed, the return runs as registered today: resident, no longer away, no reason for being away, the time away closed', async () => {
    const result = await h.mutate(trpc('decideRequest'), { as: as.secretaryOf('yongshui'), input: { requestId: returnRequest, decision: 'confirm' } });
    expect(result.error).toBeNull();
    expect(await db.member(chunsheng)).toMatchObject({ status: 'resident', away_since: null, away_reason: null });
    expect((await db.versions(chunsheng)).map((v) => v.action)).toEqual(['outflow', 'return']);
    expect(await db.rows(sql`select returned_on::text, reason_code from roster.outflows where id = ${result.data.outflowId}`)).toEqual([{ returned_on: '2026-11-01', reason_code: 'work' }]);
    expect((await h.query(trpc('mine'), { as: cao() })).data).toMatchObject({ away: false, status: 'resident' });
  });

  it('a secretary who files their own return is decided by the level above: not in their queue, FORBIDDEN to them, confirmed by the township', async () => {
    const filed = await h.mutate(trpc('fileReturn'), { as: limingAsSecretary(), input: back('file-back-liming-1', { returnedOn: '2026-10-30' }) });
    expect(filed.error).toBeNull();
    const requestId = filed.data.requestId as string;
    expect((await pending(limingAsSecretary())).rows.map((r) => r.id)).not.toContain(requestId);
    const own = await h.mutate(trpc('decideRequest'), { as: limingAsSecretary(), input: { requestId, decision: 'confirm' } });
    expect(own.error?.code).toBe('FORBIDDEN');
    expect(await db.member(liming)).toMatchObject({ status: 'mobile' });
    expect((await pending(as.secretaryOf('matian'))).rows.map((r) => r.id)).toContain(requestId);
    expect((await h.mutate(trpc('decideRequest'), { as: as.secretaryOf('matian'), input: { requestId, decision: 'confirm' } })).data).toMatchObject({ status: 'confirmed' });
    expect(await db.member(liming)).toMatchObject({ status: 'resident', away_since: null });
    // Away since before Tongxin: the return records the time away from the ledger's date.
    expect(await db.rows(sql`select left_on::text, returned_on::text from roster.outflows where member_id = ${liming}`)).toEqual([{ left_on: '2026-05-01', returned_on: '2026-10-30' }]);
  });
});

describe('mobility.mine', () => {
  it('a member reads their own page; a secretary-only account is FORBIDDEN', async () => {
    expect((await h.query(trpc('mine'), { as: wenjieAs() })).data.requests.map((r: { status: string }) => r.status).sort()).toEqual(['refused', 'withdrawn']);
    expect((await h.query(trpc('mine'), { as: as.secretaryOf('yongshui') })).error?.code).toBe('FORBIDDEN');
  });
});

describe('the registration a confirmation runs', () => {
  it('goes under a key of the server\'s: a member\'s key that matches another registration\'s confirms nothing else', async () => {
    const lihua = await db.memberId('李华');
    await h.database.owner.execute(sql`update roster.members set user_id = 'user-lihua', status = 'resident', destination_city = null where id = ${lihua}`);
    const desheng = await db.memberId('曹德胜');
    const direct = await h.mutate(trpc('registerOutflow'), { as: as.secretaryOf('yongshui'), input: { memberId: desheng, leftOn: '2026-10-20', destinationCity: '广州', idempotencyKey: 'shared-key-1' } });
    expect(direct.error).toBeNull();
    const filed = await h.mutate(trpc('fileOutflow'), { as: as.memberAs('user-lihua', 'yongshuiMobile'), input: outflow('shared-key-1', { destinationCity: '佛山' }) });
    expect(filed.error).toBeNull();
    const confirmed = await h.mutate(trpc('decideRequest'), { as: as.secretaryOf('yongshuiMobile'), input: { requestId: filed.data.requestId, decision: 'confirm' } });
    expect(confirmed.error).toBeNull();
    expect(confirmed.data.outflowId).not.toBe(direct.data.outflowId);
    expect(await db.member(lihua)).toMatchObject({ status: 'mobile', destination_city: '佛山' });
    expect(await db.member(desheng)).toMatchObject({ status: 'mobile', destination_city: '广州' });
  });
});
