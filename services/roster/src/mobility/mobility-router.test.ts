import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { chinaDate } from '@tongxin/calendar';
import { callers, ownerReads } from '../testing/callers.ts';

let h: ServiceHarness;
let ids: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
let caoDesheng: string; // 涌水村, no account
let caoChunsheng: string; // 涌水村, has an account
let huangWenjie: string; // 龙潭村 (黄草镇)
let liHua: string; // 涌水村流动党员党支部, mobile

const trpc = (name: string) => `/api/roster/trpc/mobility.${name}`;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  as = callers(ids);
  db = ownerReads(h.database);
  caoDesheng = await db.memberId('曹德胜');
  caoChunsheng = await db.memberId('曹春生');
  huangWenjie = await db.memberId('黄文杰');
  liHua = await db.memberId('李华');
  await h.database.owner.execute(sql`update roster.members set user_id = 'user-cao' where id = ${caoChunsheng}`);
});
afterAll(() => h.close());

const outflow = (memberId: string | undefined, key: string, extra: object = {}) => ({
  ...(memberId ? { memberId } : {}), leftOn: '2026-03-01', destinationProvince: '广东', destinationCity: '东莞', reasonCode: 'work', reason: '进厂务工', expectedMonths: 12,
  idempotencyKey: key, ...extra,
});

describe('mobility.registerOutflow', () => {
  it('a branch secretary registers a member as away once, however often the request is retried', async () => {
    const first = await h.mutate(trpc('registerOutflow'), { as: as.secretaryOf('yongshui'), input: outflow(caoDesheng, 'outflow-desheng-1') });
    const retry = await h.mutate(trpc('registerOutflow'), { as: as.secretaryOf('yongshui'), input: outflow(caoDesheng, 'outflow-desheng-1') });
    expect(first.error).toBeNull();
    expect(retry.data).toEqual(first.data);
    expect(await db.rows(sql`select id from roster.outflows where member_id = ${caoDesheng}`)).toHaveLength(1);
    const member = await db.member(caoDesheng);
    expect(member).toMatchObject({ status: 'mobile', away_since: '2026-03-01', destination_city: '东莞', destination_province: '广东', away_reason: 'work' });
    // The outflow keeps the coded reason and the words given with it.
    expect(await db.rows(sql`select reason_code, reason from roster.outflows where member_id = ${caoDesheng}`)).toEqual([{ reason_code: 'work', reason: '进厂务工' }]);
    const versions = await db.versions(caoDesheng);
    expect(versions.map((v) => v.action)).toEqual(['outflow']);
    expect(versions[0].actor_role).toBe('secretary');
    expect(versions[0].changes).toContainEqual({ field: 'status', from: 'resident', to: 'mobile' });
    expect(versions[0].changes).toContainEqual({ field: 'awayReason', from: null, to: 'work' });
  });

  it('a reason that is not one of the register\'s is BAD_REQUEST naming reasonCode and changes nothing', async () => {
    const outflows = await db.count('outflows');
    const result = await h.mutate(trpc('registerOutflow'), { as: as.secretaryOf('longtan'), input: outflow(huangWenjie, 'outflow-wenjie-reason', { reasonCode: 'holiday' }) });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { reasonCode: 'invalid_value' } });
    expect(await db.count('outflows')).toBe(outflows);
    expect(await db.member(huangWenjie)).toMatchObject({ status: 'resident', away_reason: null });
  });

  it('an outflow without a coded reason (an older client) is registered, the reason not recorded', async () => {
    const { reasonCode: _code, ...older } = outflow(huangWenjie, 'outflow-wenjie-older');
    const result = await h.mutate(trpc('registerOutflow'), { as: as.secretaryOf('longtan'), input: older });
    expect(result.error).toBeNull();
    expect(await db.member(huangWenjie)).toMatchObject({ status: 'mobile', away_reason: null });
    expect(await db.rows(sql`select reason_code, reason from roster.outflows where member_id = ${huangWenjie}`)).toEqual([{ reason_code: null, reason: '进厂务工' }]);
    // Put 黄文杰 back at home, as the tests below expect him.
    await h.database.owner.execute(sql`delete from roster.outflows where member_id = ${huangWenjie}`);
    await h.database.owner.execute(sql`update roster.members set status = 'resident', away_since = null, destination_city = null, destination_province = null where id = ${huangWenjie}`);
  });

  it('a member does not register their own departure (FORBIDDEN): they file a request the branch confirms (issue 17)', async () => {
    const asMember = await h.mutate(trpc('registerOutflow'), { as: as.memberAs('user-cao', 'yongshui'), input: outflow(caoChunsheng, 'outflow-chunsheng-self') });
    expect(asMember.error?.code).toBe('FORBIDDEN');
    expect(await db.member(caoChunsheng)).toMatchObject({ status: 'resident' });
    const result = await h.mutate(trpc('registerOutflow'), { as: as.secretaryOf('yongshui'), input: outflow(caoChunsheng, 'outflow-chunsheng-1', { leftOn: '2026-09-10', destinationCity: '深圳' }) });
    expect(result.data).toEqual({ outflowId: expect.any(String) });
    expect(await db.member(caoChunsheng)).toMatchObject({ status: 'mobile', away_since: '2026-09-10', destination_city: '深圳', away_reason: 'work' });
  });

  it('a second open outflow is BAD_REQUEST naming memberId and changes nothing', async () => {
    const before = await db.member(caoDesheng);
    const outflows = await db.count('outflows');
    const result = await h.mutate(trpc('registerOutflow'), { as: as.secretaryOf('matian'), input: outflow(caoDesheng, 'outflow-desheng-2', { destinationCity: '广州' }) });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'already_away' } });
    expect(await db.count('outflows')).toBe(outflows);
    expect(await db.member(caoDesheng)).toEqual(before);
  });

  it('a secretary of another township, or of another county, cannot register this member (NOT_FOUND)', async () => {
    const outflows = await db.count('outflows');
    for (const caller of [as.secretaryOf('huangcao'), as.secretaryOf('yongshui', 'rc')]) {
      const result = await h.mutate(trpc('registerOutflow'), { as: caller, input: outflow(caoDesheng, `outflow-foreign-${caller.tenantId}`) });
      expect(result.error?.code).toBe('NOT_FOUND');
    }
    expect(await db.count('outflows')).toBe(outflows);
  });

  it('a member cannot register someone else, and an admin-only account is FORBIDDEN', async () => {
    const asMember = await h.mutate(trpc('registerOutflow'), { as: as.memberAs('user-cao', 'yongshui'), input: outflow(huangWenjie, 'outflow-other-1') });
    expect(asMember.error?.code).toBe('FORBIDDEN');
    const asAdmin = await h.mutate(trpc('registerOutflow'), { as: as.admin(), input: outflow(huangWenjie, 'outflow-other-2') });
    expect(asAdmin.error?.code).toBe('FORBIDDEN');
    expect(await db.member(huangWenjie)).toMatchObject({ status: 'resident', away_since: null });
  });

  it('an expected duration over 120 months is BAD_REQUEST naming expectedMonths', async () => {
    const result = await h.mutate(trpc('registerOutflow'), { as: as.secretaryOf('longtan'), input: outflow(huangWenjie, 'outflow-wenjie-bad', { expectedMonths: 121 }) });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { expectedMonths: expect.any(String) } });
    expect(await db.member(huangWenjie)).toMatchObject({ status: 'resident' });
  });
});

describe('mobility.registerReturn', () => {
  it('a return before the day the member left is BAD_REQUEST naming returnedOn and changes nothing', async () => {
    const before = await db.member(caoDesheng);
    const result = await h.mutate(trpc('registerReturn'), { as: as.secretaryOf('yongshui'), input: { memberId: caoDesheng, returnedOn: '2026-02-01', idempotencyKey: 'return-desheng-early' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { returnedOn: 'before_left_on' }, problems: { returnedOn: { params: { date: '2026-03-01' } } } });
    expect(await db.member(caoDesheng)).toEqual(before);
    expect(await db.rows(sql`select returned_on from roster.outflows where member_id = ${caoDesheng}`)).toEqual([{ returned_on: null }]);
  });

  it('a secretary of another branch cannot register the return (NOT_FOUND)', async () => {
    const result = await h.mutate(trpc('registerReturn'), { as: as.secretaryOf('longtan'), input: { memberId: caoDesheng, returnedOn: '2026-10-01', idempotencyKey: 'return-desheng-foreign' } });
    expect(result.error?.code).toBe('NOT_FOUND');
    expect(await db.member(caoDesheng)).toMatchObject({ status: 'mobile' });
  });

  it('a member home again is resident, no longer away and with no reason for being away, once however often the request is retried', async () => {
    const input = { memberId: caoChunsheng, returnedOn: '2026-10-20', note: '回乡创业', idempotencyKey: 'return-chunsheng-1' };
    // The member files 返乡登记 as a request (mobility-requests.test.ts); only staff register it.
    expect((await h.mutate(trpc('registerReturn'), { as: as.memberAs('user-cao', 'yongshui'), input })).error?.code).toBe('FORBIDDEN');
    const first = await h.mutate(trpc('registerReturn'), { as: as.secretaryOf('yongshui'), input });
    const retry = await h.mutate(trpc('registerReturn'), { as: as.secretaryOf('yongshui'), input });
    expect(first.error).toBeNull();
    expect(retry.data).toEqual(first.data);
    expect(await db.member(caoChunsheng)).toMatchObject({ status: 'resident', away_since: null, away_reason: null });
    expect((await db.versions(caoChunsheng)).map((v) => v.action)).toEqual(['outflow', 'return']);
    expect((await db.versions(caoChunsheng)).at(-1).changes).toContainEqual({ field: 'awayReason', from: 'work', to: null });
    // The time away keeps why it was.
    expect(await db.rows(sql`select returned_on, return_note, reason_code from roster.outflows where id = ${first.data.outflowId}`)).toEqual([
      { returned_on: '2026-10-20', return_note: '回乡创业', reason_code: 'work' },
    ]);
  });

  it('a member who is not away is BAD_REQUEST naming memberId', async () => {
    const result = await h.mutate(trpc('registerReturn'), { as: as.secretaryOf('longtan'), input: { memberId: huangWenjie, returnedOn: '2026-10-01', idempotencyKey: 'return-wenjie-1' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: expect.any(String) } });
  });

  it('a member away since before the county used Tongxin (no outflow registered) returns too, with the time away recorded', async () => {
    // 李明 is mobile in the fixture, away since a date, with no outflow row.
    const liMing = await db.memberId('李明');
    await h.database.owner.execute(sql`update roster.members set away_since = '2025-03-01' where id = ${liMing}`);
    const result = await h.mutate(trpc('registerReturn'), { as: as.secretaryOf('yongshuiMobile'), input: { memberId: liMing, returnedOn: '2026-10-01', idempotencyKey: 'return-liming-1' } });
    expect(result.error).toBeFalsy();
    expect(await db.member(liMing)).toMatchObject({ status: 'resident', away_since: null });
    const away = await db.rows(sql`select left_on, returned_on from roster.outflows where member_id = ${liMing}`);
    expect(away).toEqual([{ left_on: '2025-03-01', returned_on: '2026-10-01' }]);
    // Put 李明 back as the fixture has him, for the tests below that count times away.
    await h.database.owner.execute(sql`delete from roster.outflows where member_id = ${liMing}`);
    await h.database.owner.execute(sql`update roster.members set status = 'mobile', away_since = null where id = ${liMing}`);
  });

  it('an admin-only account is FORBIDDEN', async () => {
    const result = await h.mutate(trpc('registerReturn'), { as: as.admin(), input: { memberId: caoDesheng, returnedOn: '2026-10-01', idempotencyKey: 'return-admin-1' } });
    expect(result.error?.code).toBe('FORBIDDEN');
  });
});

describe('mobility.outflows', () => {
  const memberIds = (result: { data: { memberId: string }[] }) => [...new Set(result.data.map((o) => o.memberId))].sort();

  it('a member sees only their own times away, newest first, with the reason given', async () => {
    const result = await h.query(trpc('outflows'), { as: as.memberAs('user-cao', 'yongshui'), input: {} });
    expect(memberIds(result)).toEqual([caoChunsheng]);
    expect(result.data[0]).toMatchObject({ reasonCode: 'work', reason: '进厂务工' });
  });

  it('a township secretary sees their subtree; another township sees none of it; the department all', async () => {
    const matian = await h.query(trpc('outflows'), { as: as.secretaryOf('matian'), input: {} });
    expect(memberIds(matian)).toEqual([caoDesheng, caoChunsheng].sort());
    expect(matian.data[0].leftOn >= matian.data[1].leftOn).toBe(true);
    const huangcao = await h.query(trpc('outflows'), { as: as.secretaryOf('huangcao'), input: { memberId: caoDesheng } });
    expect(huangcao.data).toEqual([]);
    const department = await h.query(trpc('outflows'), { as: as.department(), input: {} });
    expect(department.data).toHaveLength(2);
    expect((await h.query(trpc('outflows'), { as: as.department('rc'), input: {} })).data).toEqual([]);
  });

  it('an admin-only account is FORBIDDEN', async () => {
    expect((await h.query(trpc('outflows'), { as: as.admin(), input: {} })).error?.code).toBe('FORBIDDEN');
  });
});

describe('lost contact (失联)', () => {
  const attempt = (key: string, attemptedOn: string, result = 'no_answer') => ({ memberId: liHua, attemptedOn, channel: 'phone', result, idempotencyKey: key });

  it('a secretary records contact attempts once per key; a member is FORBIDDEN; another township NOT_FOUND', async () => {
    const first = await h.mutate(trpc('recordContactAttempt'), { as: as.secretaryOf('yongshuiMobile'), input: attempt('attempt-lihua-1', '2026-08-01', 'reached') });
    const retry = await h.mutate(trpc('recordContactAttempt'), { as: as.secretaryOf('yongshuiMobile'), input: attempt('attempt-lihua-1', '2026-08-01', 'reached') });
    expect(retry.data).toEqual(first.data);
    expect(await db.rows(sql`select id from roster.contact_attempts where member_id = ${liHua}`)).toHaveLength(1);
    const asMember = await h.mutate(trpc('recordContactAttempt'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: attempt('attempt-lihua-x', '2026-08-02') });
    expect(asMember.error?.code).toBe('FORBIDDEN');
    const foreign = await h.mutate(trpc('recordContactAttempt'), { as: as.secretaryOf('huangcao'), input: attempt('attempt-lihua-y', '2026-08-02') });
    expect(foreign.error?.code).toBe('NOT_FOUND');
    expect(await db.rows(sql`select id from roster.contact_attempts where member_id = ${liHua}`)).toHaveLength(1);
  });

  it('an unknown channel is BAD_REQUEST naming channel', async () => {
    const result = await h.mutate(trpc('recordContactAttempt'), { as: as.secretaryOf('yongshuiMobile'), input: { ...attempt('attempt-bad-1', '2026-08-03'), channel: 'pigeon' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { channel: expect.any(String) } });
  });

  it('two failed attempts since the member was last reached are not enough to mark lost contact', async () => {
    for (const [i, day] of ['2026-09-01', '2026-09-15'].entries()) {
      await h.mutate(trpc('recordContactAttempt'), { as: as.secretaryOf('yongshuiMobile'), input: attempt(`attempt-lihua-f${i}`, day) });
    }
    const list = await h.query(trpc('contactAttempts'), { as: as.secretaryOf('matian'), input: { memberId: liHua } });
    expect(list.data.failedSinceLastReached).toBe(2);
    expect(list.data.attempts.map((a: { attemptedOn: string }) => a.attemptedOn)).toEqual(['2026-09-15', '2026-09-01', '2026-08-01']);
    const result = await h.mutate(trpc('markLostContact'), { as: as.secretaryOf('yongshuiMobile'), input: { memberId: liHua, reason: 1, idempotencyKey: 'lost-lihua-early' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'too_few_contact_attempts' }, problems: { memberId: { params: { min: 3 } } } });
    expect(await db.member(liHua)).toMatchObject({ status: 'mobile', lost_contact_since: null });
  });

  it('contact attempts are FORBIDDEN to a member and NOT_FOUND to another township', async () => {
    expect((await h.query(trpc('contactAttempts'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { memberId: liHua } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('contactAttempts'), { as: as.secretaryOf('huangcao'), input: { memberId: liHua } })).error?.code).toBe('NOT_FOUND');
  });

  it('after a third failed attempt the member is marked lost contact with a reason code, once', async () => {
    await h.mutate(trpc('recordContactAttempt'), { as: as.secretaryOf('yongshuiMobile'), input: { ...attempt('attempt-lihua-f2', '2026-10-01', 'unreachable'), channel: 'wechat' } });
    const input = { memberId: liHua, reason: 4, idempotencyKey: 'lost-lihua-1' };
    const first = await h.mutate(trpc('markLostContact'), { as: as.secretaryOf('yongshuiMobile'), input });
    const retry = await h.mutate(trpc('markLostContact'), { as: as.secretaryOf('yongshuiMobile'), input });
    expect(first.data).toEqual({ version: 2 });
    expect(retry.data).toEqual(first.data);
    expect(await db.member(liHua)).toMatchObject({ status: 'lost_contact', lost_contact_since: chinaDate(h.clock.now), lost_contact_reason: 4 });
    expect((await db.versions(liHua)).map((v) => v.action)).toEqual(['lost_contact']);
  });

  it('a reason code outside 1–7 is BAD_REQUEST naming reason; a member is FORBIDDEN', async () => {
    const bad = await h.mutate(trpc('markLostContact'), { as: as.secretaryOf('yongshuiMobile'), input: { memberId: liHua, reason: 8, idempotencyKey: 'lost-lihua-bad' } });
    expect(bad.error).toMatchObject({ code: 'BAD_REQUEST', fields: { reason: expect.any(String) } });
    const asMember = await h.mutate(trpc('markLostContact'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { memberId: liHua, reason: 1, idempotencyKey: 'lost-lihua-m' } });
    expect(asMember.error?.code).toBe('FORBIDDEN');
    const foreign = await h.mutate(trpc('markLostContact'), { as: as.secretaryOf('huangcao'), input: { memberId: liHua, reason: 1, idempotencyKey: 'lost-lihua-f' } });
    expect(foreign.error?.code).toBe('NOT_FOUND');
  });

  it('lists lost-contact members per branch and township within the caller\'s scope only', async () => {
    const matian = await h.query(trpc('lostContact'), { as: as.secretaryOf('matian'), input: {} });
    expect(matian.data).toEqual({
      members: [{ memberId: liHua, name: '李华', branchId: ids.yongshuiMobile, branch: '涌水村流动党员党支部', township: '马田镇', since: chinaDate(h.clock.now), reason: 4 }],
      byBranch: [{ branchId: ids.yongshuiMobile, branch: '涌水村流动党员党支部', count: 1 }],
      byTownship: [{ townshipId: ids.matian, township: '马田镇', count: 1 }],
    });
    expect((await h.query(trpc('lostContact'), { as: as.department(), input: { orgId: ids.matian } })).data.members).toHaveLength(1);
    expect((await h.query(trpc('lostContact'), { as: as.secretaryOf('huangcao'), input: {} })).data.members).toEqual([]);
    expect((await h.query(trpc('lostContact'), { as: as.department('rc'), input: {} })).data.members).toEqual([]);
    expect((await h.query(trpc('lostContact'), { as: as.secretaryOf('huangcao'), input: { orgId: ids.matian } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('lostContact'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: {} })).error?.code).toBe('FORBIDDEN');
  });

  it('re-contact restores the status: mobile while away, resident when not', async () => {
    const asMember = await h.mutate(trpc('markRecontacted'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { memberId: liHua, idempotencyKey: 'recontact-m' } });
    expect(asMember.error?.code).toBe('FORBIDDEN');
    const foreign = await h.mutate(trpc('markRecontacted'), { as: as.secretaryOf('longtan'), input: { memberId: liHua, idempotencyKey: 'recontact-f' } });
    expect(foreign.error?.code).toBe('NOT_FOUND');
    // 李华 is mobile in the fixture with no outflow and no away-since date: resident again, with no reason for being away.
    await h.database.owner.execute(sql`update roster.members set away_reason = 'business' where id = ${liHua}`);
    const result = await h.mutate(trpc('markRecontacted'), { as: as.department(), input: { memberId: liHua, idempotencyKey: 'recontact-lihua-1' } });
    expect(result.data).toEqual({ version: 3, status: 'resident' });
    expect(await db.member(liHua)).toMatchObject({ status: 'resident', lost_contact_since: null, lost_contact_reason: null, away_reason: null });
    expect((await db.versions(liHua)).map((v) => v.action)).toEqual(['lost_contact', 'recontacted']);
    // The re-contact is logged as a successful contact: failures since start again at 0.
    const contacts = await h.query(trpc('contactAttempts'), { as: as.department(), input: { memberId: liHua } });
    expect(contacts.data.failedSinceLastReached).toBe(0);
    expect(contacts.data.attempts[0]).toMatchObject({ result: 'reached', note: '恢复联系' });
    const again = await h.mutate(trpc('markRecontacted'), { as: as.department(), input: { memberId: liHua, idempotencyKey: 'recontact-lihua-2' } });
    expect(again.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'not_lost_contact' } });
  });

  it('a member lost while away comes back as mobile', async () => {
    for (const [i, day] of ['2026-09-01', '2026-09-20', '2026-10-10'].entries()) {
      await h.mutate(trpc('recordContactAttempt'), { as: as.secretaryOf('yongshui'), input: { ...attempt(`attempt-desheng-${i}`, day), memberId: caoDesheng } });
    }
    await h.mutate(trpc('markLostContact'), { as: as.secretaryOf('yongshui'), input: { memberId: caoDesheng, reason: 1, idempotencyKey: 'lost-desheng-1' } });
    const result = await h.mutate(trpc('markRecontacted'), { as: as.secretaryOf('yongshui'), input: { memberId: caoDesheng, idempotencyKey: 'recontact-desheng-1' } });
    expect(result.data.status).toBe('mobile');
    // Still away: still for the reason given at 外出登记.
    expect(await db.member(caoDesheng)).toMatchObject({ status: 'mobile', away_since: '2026-03-01', away_reason: 'work' });
  });
});
