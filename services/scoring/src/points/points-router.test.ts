import type { RoleGrant } from '@tongxin/auth';
import { DECIDES_ABOUT_ONESELF, LEVEL_ABOVE_DECIDES } from '@tongxin/trpc';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { activity, as, memberIdOf, orgs, ownerReads, score, seatsEndedLongAgo, seatsOf, seedCopies } from '../testing/scoring-fixture.ts';

let h: ServiceHarness;
let db: ReturnType<typeof ownerReads>;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  db = ownerReads(h.database);
  await seedCopies(h.database);
  const claim = crypto.randomUUID();
  await score(
    h.database,
    activity.monthlyReport('曹德胜', '2026-10'),
    activity.meeting('曹德胜', 'in_person', '2026-10-01T02:00:00Z'),
    activity.claimed('曹德胜', claim, '2026-10-20T02:00:00Z'),
    activity.approved('曹德胜', claim, 20, '2026-10-28T02:00:00Z'),
    activity.monthlyReport('曹春生', '2026-10'),
    activity.meeting('李华', 'online', '2026-10-01T02:00:00Z'),
    activity.meeting('李华', 'in_person', '2026-10-08T02:00:00Z'),
    activity.suggestion('黄文杰'),
    activity.monthlyReport('朱建国', '2026-10'),
  );
});
afterAll(() => h.close());

const trpc = (name: string) => `/api/scoring/trpc/points.${name}`;

describe('points.mine', () => {
  it('a member sees their balance, every entry with its source, their place in their branch and their branch among the township’s', async () => {
    const result = await h.query(trpc('mine'), { as: as.member('曹德胜'), input: {} });
    expect(result.error).toBeNull();
    expect(result.data).toMatchObject({ balance: 31, periodPoints: 31, period: { year: 2026 }, position: { rank: 1, of: 3 } });
    expect(result.data.entries.map((e: { kind: string; points: number; source: string }) => [e.kind, e.points, e.source])).toEqual([
      ['task_completed', 20, 'event'], ['task_claimed', 1, 'event'], ['meeting_in_person', 5, 'event'], ['monthly_report', 5, 'event'],
    ]);
    // 涌水村 (31 + 5 + 0 over 3 members) against 高亭村 (8 over 1; 陈立 transferred out) and the mobile-member branch (0).
    expect(result.data.branch).toEqual({ orgId: orgs.yongshui, orgName: '涌水村党支部', rank: 1, of: 3 });
  });

  it("a member's answer names nobody else and holds no other member's points", async () => {
    const text = JSON.stringify((await h.query(trpc('mine'), { as: as.member('曹春生'), input: {} })).data);
    expect(text).not.toContain('曹德胜');
    expect(text).not.toContain(memberIdOf('曹德胜'));
    expect(JSON.parse(text)).toMatchObject({ balance: 5, position: { rank: 2, of: 3 } });
  });

  it('for a month, the entries and points of that month only; the balance stays the whole ledger', async () => {
    const result = await h.query(trpc('mine'), { as: as.member('曹德胜'), input: { period: { year: 2026, month: 9 } } });
    expect(result.data).toMatchObject({ balance: 31, periodPoints: 0, entries: [] });
    expect((await h.query(trpc('mine'), { as: as.member('曹德胜'), input: { period: { year: 2026, month: 9, quarter: 3 } } })).error).toMatchObject({
      code: 'BAD_REQUEST', fields: { 'period.quarter': expect.any(String) },
    });
  });

  it('staff without the member role may not call it', async () => {
    expect((await h.query(trpc('mine'), { as: as.secretaryOf('yongshui'), input: {} })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('mine'), { as: as.department(), input: {} })).error?.code).toBe('FORBIDDEN');
  });
});

describe('points.members and points.entries', () => {
  it("a branch secretary sees their members' points, most first; the township secretary may narrow to a branch", async () => {
    const mine = await h.query(trpc('members'), { as: as.secretaryOf('yongshui'), input: { year: 2026 } });
    expect(mine.data.map((m: { name: string; points: number }) => [m.name, m.points])).toEqual([['曹德胜', 31], ['曹春生', 5], ['刘秀英', 0]]);
    const gaoting = await h.query(trpc('members'), { as: as.secretaryOf('matian'), input: { year: 2026, quarter: 4, orgId: orgs.gaoting } });
    expect(gaoting.data).toEqual([{ memberId: memberIdOf('李华'), name: '李华', branchId: orgs.gaoting, branchName: '高亭村党支部', status: 'mobile', points: 8, entries: 2 }]);
  });

  it('narrowing to an org outside the caller’s scope, unknown or of another county is NOT_FOUND', async () => {
    expect((await h.query(trpc('members'), { as: as.secretaryOf('longtan'), input: { year: 2026, orgId: orgs.gaoting } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('members'), { as: as.department(), input: { year: 2026, orgId: crypto.randomUUID() } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('members'), { as: as.department('rc'), input: { year: 2026, orgId: orgs.gaoting } })).error?.code).toBe('NOT_FOUND');
  });

  it('the department sees its county only; another branch’s secretary sees none of these members', async () => {
    const county = await h.query(trpc('members'), { as: as.department(), input: { year: 2026 } });
    expect(county.data.map((m: { name: string }) => m.name)).toEqual(['曹德胜', '李华', '曹春生', '黄文杰', '刘秀英', '王芳']);
    const rc = await h.query(trpc('members'), { as: as.department('rc'), input: { year: 2026 } });
    expect(rc.data.map((m: { name: string }) => m.name)).toEqual(['朱建国']);
    const other = await h.query(trpc('members'), { as: as.secretaryOf('longtan'), input: { year: 2026 } });
    expect(other.data.map((m: { name: string }) => m.name)).toEqual(['黄文杰']);
  });

  it('a member may not list members’ points', async () => {
    expect((await h.query(trpc('members'), { as: as.member('曹德胜'), input: { year: 2026 } })).error?.code).toBe('FORBIDDEN');
  });

  it("a secretary reads a member's entries; another branch's secretary gets NOT_FOUND; a member FORBIDDEN", async () => {
    const entries = await h.query(trpc('entries'), { as: as.secretaryOf('yongshui'), input: { memberId: memberIdOf('曹德胜') } });
    expect(entries.data).toHaveLength(4);
    expect((await h.query(trpc('entries'), { as: as.secretaryOf('gaoting'), input: { memberId: memberIdOf('曹德胜') } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('entries'), { as: as.department('rc'), input: { memberId: memberIdOf('曹德胜') } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('entries'), { as: as.member('曹德胜'), input: { memberId: memberIdOf('曹德胜') } })).error?.code).toBe('FORBIDDEN');
  });
});

describe('points.correct', () => {
  const correction = { memberId: memberIdOf('曹春生'), points: 3, reason: '补记十月支部会议', idempotencyKey: 'corr-ccs-0001' };

  it('the branch secretary adds a compensating entry with author and reason, once however often retried; the member sees it', async () => {
    const first = await h.mutate(trpc('correct'), { as: as.secretaryOf('yongshui'), input: correction });
    expect(first.data).toMatchObject({ points: 3, kind: 'correction', source: 'correction', author: '涌水村党支部书记', reason: correction.reason, period: '2026-11', created: true });
    const retry = await h.mutate(trpc('correct'), { as: as.secretaryOf('yongshui'), input: correction });
    expect(retry.data).toMatchObject({ id: first.data.id, created: false });
    const mine = (await h.query(trpc('mine'), { as: as.member('曹春生'), input: {} })).data;
    expect(mine.balance).toBe(8);
    expect(mine.entries[0]).toMatchObject({ source: 'correction', author: '涌水村党支部书记', reason: '补记十月支部会议', points: 3 });
  });

  it('the department may take points back, for a past month', async () => {
    const result = await h.mutate(trpc('correct'), {
      as: as.department(), input: { memberId: memberIdOf('李华'), points: -3, reason: '线上会议重复登记', period: '2026-10', idempotencyKey: 'corr-lh-0001' },
    });
    expect(result.data).toMatchObject({ points: -3, period: '2026-10', author: '组织部' });
    expect(await db.balance('李华')).toBe(5);
  });

  it("another branch's secretary or another county: NOT_FOUND; a member: FORBIDDEN; nothing written", async () => {
    const before = await db.count('points_ledger');
    expect((await h.mutate(trpc('correct'), { as: as.secretaryOf('gaoting'), input: { ...correction, idempotencyKey: 'corr-x-0001' } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('correct'), { as: as.department('rc'), input: { ...correction, idempotencyKey: 'corr-x-0002' } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('correct'), { as: as.member('曹德胜'), input: { ...correction, idempotencyKey: 'corr-x-0003' } })).error?.code).toBe('FORBIDDEN');
    expect(await db.count('points_ledger')).toBe(before);
  });

  it('no points, more than 100 either way, a reason under 4 characters or a future month: BAD_REQUEST naming the field', async () => {
    const before = await db.count('points_ledger');
    const bad = async (input: object) => (await h.mutate(trpc('correct'), { as: as.secretaryOf('yongshui'), input: { ...correction, idempotencyKey: `corr-bad-${crypto.randomUUID()}`, ...input } })).error;
    expect(await bad({ points: 0 })).toMatchObject({ code: 'BAD_REQUEST', fields: { points: expect.any(String) } });
    expect(await bad({ points: 101 })).toMatchObject({ code: 'BAD_REQUEST', fields: { points: expect.any(String) } });
    expect(await bad({ points: -101 })).toMatchObject({ code: 'BAD_REQUEST', fields: { points: expect.any(String) } });
    expect(await bad({ reason: '补记' })).toMatchObject({ code: 'BAD_REQUEST', fields: { reason: expect.any(String) } });
    expect(await bad({ period: '2026-12' })).toMatchObject({ code: 'BAD_REQUEST', fields: { period: expect.any(String) } });
    expect(await db.count('points_ledger')).toBe(before);
  });
  it('a secretary who is also a member may not correct their own points: FORBIDDEN, nothing written; the level above may', async () => {
    // 刘秀英 is 涌水村's secretary and one of its members: one user, both roles.
    const both = { ...as.member('刘秀英'), roles: [{ role: 'secretary', orgId: orgs.yongshui }, { role: 'member', orgId: orgs.yongshui }] as RoleGrant[] };
    const own = { memberId: memberIdOf('刘秀英'), points: 10, reason: '补记自己的会议', idempotencyKey: 'corr-self-0001' };
    const before = await db.count('points_ledger');
    expect((await h.mutate(trpc('correct'), { as: both, input: own })).error).toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
    expect(await db.count('points_ledger')).toBe(before);
    // She still corrects another member of her branch; the township secretary corrects hers.
    expect((await h.mutate(trpc('correct'), { as: both, input: { ...correction, points: 1, idempotencyKey: 'corr-self-0002' } })).error).toBeNull();
    expect((await h.mutate(trpc('correct'), { as: as.secretaryOf('matian'), input: { ...own, idempotencyKey: 'corr-self-0003' } })).data).toMatchObject({ points: 10, created: true });
  });

  it('a deputy the branch secretary appointed may not credit her, nor she him: FORBIDDEN, nothing written; the township and the department may (issue 13 C)', async () => {
    // The attack: 刘秀英 (涌水村's secretary) appointed 曹春生 her deputy; identity announced both seats.
    await seatsOf(h.database, '刘秀英', 'yongshui');
    await seatsOf(h.database, '曹春生', 'yongshui');
    const forHer = { memberId: memberIdOf('刘秀英'), points: 100, reason: '补记全年的会议', idempotencyKey: 'corr-deputy-0001' };
    const forHim = { memberId: memberIdOf('曹春生'), points: 100, reason: '补记全年的会议', idempotencyKey: 'corr-deputy-0002' };
    const before = await db.count('points_ledger');
    expect((await h.mutate(trpc('correct'), { as: as.seated('曹春生', 'yongshui'), input: forHer })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect((await h.mutate(trpc('correct'), { as: as.seated('刘秀英', 'yongshui'), input: forHim })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    // Another holder of a seat at the same branch is no level above either.
    expect((await h.mutate(trpc('correct'), { as: as.secretaryOf('yongshui'), input: forHer })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect(await db.count('points_ledger')).toBe(before);
    expect((await h.mutate(trpc('correct'), { as: as.secretaryOf('matian'), input: forHer })).data).toMatchObject({ points: 100, created: true });
    expect((await h.mutate(trpc('correct'), { as: as.department(), input: forHim })).data).toMatchObject({ points: 100, created: true });
    // His seat ended longer ago than the cooling-off: he is a member his branch decides about again.
    await seatsEndedLongAgo(h.database, '曹春生');
    expect((await h.mutate(trpc('correct'), { as: as.seated('刘秀英', 'yongshui'), input: { ...forHim, points: 1, idempotencyKey: 'corr-deputy-0003' } })).data).toMatchObject({ points: 1, created: true });
    await seatsEndedLongAgo(h.database, '刘秀英');
  });

  it('remove the seat, act, re-appoint: a deputy who just stepped down is still decided about by the level above only, and re-appointed too (issue 13 C)', async () => {
    await seatsOf(h.database, '刘秀英', 'yongshui');
    await seatsOf(h.database, '曹春生', 'yongshui');
    // The attack: he removes his own deputy seat (identity announces none), she credits him as an ordinary member, she re-appoints him.
    await seatsOf(h.database, '曹春生');
    const forHim = { memberId: memberIdOf('曹春生'), points: 40, reason: '补记全年的会议', idempotencyKey: 'corr-stepped-down-0001' };
    const before = await db.count('points_ledger');
    expect((await h.mutate(trpc('correct'), { as: as.seated('刘秀英', 'yongshui'), input: forHim })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    // Nor may he, stepped down, credit her: she still holds her seat.
    expect((await h.mutate(trpc('correct'), { as: as.member('曹春生'), input: { ...forHim, memberId: memberIdOf('刘秀英'), idempotencyKey: 'corr-stepped-down-0002' } })).error?.code).toBe('FORBIDDEN');
    await seatsOf(h.database, '曹春生', 'yongshui');
    expect((await h.mutate(trpc('correct'), { as: as.seated('刘秀英', 'yongshui'), input: { ...forHim, idempotencyKey: 'corr-stepped-down-0003' } })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    // Stepping down again changes nothing either; the township decides throughout.
    await seatsOf(h.database, '曹春生');
    expect((await h.mutate(trpc('correct'), { as: as.seated('刘秀英', 'yongshui'), input: { ...forHim, idempotencyKey: 'corr-stepped-down-0004' } })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect(await db.count('points_ledger')).toBe(before);
    expect((await h.mutate(trpc('correct'), { as: as.secretaryOf('matian'), input: { ...forHim, idempotencyKey: 'corr-stepped-down-0005' } })).data).toMatchObject({ points: 40, created: true });
    await seatsEndedLongAgo(h.database, '曹春生');
    await seatsEndedLongAgo(h.database, '刘秀英');
  });
});

describe('points.memberCount', () => {
  it('the department counts the members scoring knows in its county; a member may not', async () => {
    expect((await h.query(trpc('memberCount'), { as: as.department() })).data).toEqual({ members: 7 });
    expect((await h.query(trpc('memberCount'), { as: as.department('rc') })).data).toEqual({ members: 1 });
    expect((await h.query(trpc('memberCount'), { as: as.member('曹德胜') })).error?.code).toBe('FORBIDDEN');
  });
});
