import type { RoleGrant } from '@tongxin/auth';
import { DECIDES_ABOUT_ONESELF, LEVEL_ABOVE_DECIDES } from '@tongxin/trpc';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { activity, as, memberIdOf, orgs, ownerReads, score, seatsEndedLongAgo, seatsOf, seedCopies, type PersonName } from '../testing/scoring-fixture.ts';

let h: ServiceHarness;
let db: ReturnType<typeof ownerReads>;
const months = (n: number) => Array.from({ length: n }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  db = ownerReads(h.database);
  await seedCopies(h.database);
  const [c1, c2] = [crypto.randomUUID(), crypto.randomUUID()];
  await score(
    h.database,
    // 曹德胜, mobile: 10 reports, home for the Spring Festival meeting, two completed tasks: 95.
    ...months(10).map((m) => activity.monthlyReport('曹德胜', m)),
    activity.meeting('曹德胜', 'in_person', '2026-02-20T02:00:00Z'),
    activity.approved('曹德胜', c1, 20, '2026-05-03T02:00:00Z'),
    activity.approved('曹德胜', c2, 20, '2026-06-03T02:00:00Z'),
    // 曹春生, mobile: 12 reports (60 points), meetings online only.
    ...months(12).map((m) => activity.monthlyReport('曹春生', m)),
    activity.meeting('曹春生', 'online', '2026-03-20T12:00:00Z'),
    // 刘秀英, resident: no monthly reports needed; 35 points from meetings.
    ...['01', '02', '03', '04'].flatMap((m) => [activity.meeting('刘秀英', 'in_person', `2026-${m}-05T02:00:00Z`), activity.meeting('刘秀英', 'in_person', `2026-${m}-15T02:00:00Z`)]),
    // 李华, mobile: 4 reports, three meetings in person in one month (the third capped to 0).
    ...months(4).map((m) => activity.monthlyReport('李华', m)),
    ...['03', '12', '22'].map((d) => activity.meeting('李华', 'in_person', `2026-04-${d}T02:00:00Z`)),
    // Last year's points do not count this year.
    activity.monthlyReport('王芳', '2025-12'),
  );
});
afterAll(() => h.close());

const trpc = (name: string) => `/api/scoring/trpc/evaluation.${name}`;
type Evaluation = { memberId: string; name: string; proposedGrade: string | null; finalGrade: string | null; grade: string | null; overridden: boolean; reason: string | null; basis: Record<string, unknown>; confirmedBy: string | null };
const byName = (rows: Evaluation[], name: PersonName) => rows.find((r) => r.name === name)!;
/** 刘秀英 is 涌水村's secretary and one of its members: one user, both roles. */
const secretaryAndMember = { ...as.member('刘秀英'), roles: [{ role: 'secretary', orgId: orgs.yongshui }, { role: 'member', orgId: orgs.yongshui }] as RoleGrant[] };

describe('evaluation.propose', () => {
  it('the branch secretary gets a proposal per member from what the rules ask; points count only once the county chooses', async () => {
    const result = await h.mutate(trpc('propose'), { as: as.secretaryOf('yongshui'), input: { year: 2026, orgId: orgs.yongshui } });
    expect(result.error).toBeNull();
    // Reports, the yearly meeting in person, the tasks taken completed: 合格; points do not make 优秀.
    expect((result.data as Evaluation[]).map((r) => [r.name, r.proposedGrade])).toEqual([['刘秀英', 'qualified'], ['曹德胜', 'qualified'], ['曹春生', 'basic']]);
    expect(byName(result.data as Evaluation[], '曹德胜').basis).toMatchObject({ meetingsAttended: 1, tasksClaimed: 0, tasksCompleted: 2, pointsCount: false, noProposal: null });

    const thresholds = (await h.query('/api/scoring/trpc/rules.list', { as: as.department() })).data.thresholds;
    const chose = await h.mutate('/api/scoring/trpc/thresholds.update', { as: as.department(), input: { ...thresholds, pointsCount: true, reason: '县委决定积分计入评价建议', idempotencyKey: 'thr-points-count-2026' } });
    expect(chose.data).toMatchObject({ pointsCount: true, changed: true });
    const rows = (await h.mutate(trpc('propose'), { as: as.secretaryOf('yongshui'), input: { year: 2026, orgId: orgs.yongshui } })).data as Evaluation[];
    expect(rows.map((r) => [r.name, r.proposedGrade])).toEqual([['刘秀英', 'qualified'], ['曹德胜', 'excellent'], ['曹春生', 'basic']]);
    expect(byName(rows, '曹德胜').basis).toMatchObject({ points: 95, reports: 10, inPersonMeetings: 1, reportRuleApplies: true, pointsCount: true });
    // 60 points and 12 reports, but no meeting in person: at most basic.
    expect(byName(rows, '曹春生').basis).toMatchObject({ points: 63, reports: 12, inPersonMeetings: 0 });
    expect(byName(rows, '刘秀英').basis).toMatchObject({ points: 40, reports: 0, reportRuleApplies: false, status: 'resident' });
  });

  it('capped meetings still count as meetings attended; last year’s points do not count', async () => {
    const rows = (await h.mutate(trpc('propose'), { as: as.secretaryOf('matian'), input: { year: 2026, orgId: orgs.matian } })).data as Evaluation[];
    expect(byName(rows, '李华')).toMatchObject({ proposedGrade: 'basic', basis: { points: 30, reports: 4, inPersonMeetings: 3 } });
    // No record this year: no proposal, the branch decides; never 不合格 by default (issue 17).
    expect(byName(rows, '王芳')).toMatchObject({ proposedGrade: null, grade: null, basis: { points: 0, reports: 0, noProposal: 'not_enough_record' } });
    expect(rows.map((r) => r.name)).not.toContain('陈立'); // transferred out
  });

  it("another branch's secretary finds no such branch to propose for (NOT_FOUND); a member may not propose at all", async () => {
    expect((await h.mutate(trpc('propose'), { as: as.secretaryOf('gaoting'), input: { year: 2026, orgId: orgs.yongshui } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('propose'), { as: as.member('曹德胜'), input: { year: 2026, orgId: orgs.yongshui } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('propose'), { as: as.department('rc'), input: { year: 2026, orgId: orgs.yongshui } })).error?.code).toBe('NOT_FOUND');
  });
});

describe('evaluation.confirm and evaluation.list', () => {
  it('the branch confirms a proposal as it is, without a reason', async () => {
    const result = await h.mutate(trpc('confirm'), { as: as.secretaryOf('yongshui'), input: { year: 2026, memberId: memberIdOf('曹德胜'), grade: 'excellent', reason: null } });
    expect(result.data).toMatchObject({ finalGrade: 'excellent', grade: 'excellent', confirmed: true, overridden: false, confirmedBy: '涌水村党支部书记' });
  });

  it('another grade needs a reason: BAD_REQUEST reason, nothing changed; with one it is an override, kept in the history', async () => {
    h.clock.now = new Date('2026-12-10T09:00:00+08:00');
    const input = { year: 2026, memberId: memberIdOf('曹春生'), grade: 'qualified' };
    const changesBefore = await db.count('evaluation_changes');
    expect((await h.mutate(trpc('confirm'), { as: as.secretaryOf('yongshui'), input: { ...input, reason: ' ' } })).error).toMatchObject({
      code: 'BAD_REQUEST', fields: { reason: expect.any(String) },
    });
    expect(await db.count('evaluation_changes')).toBe(changesBefore);
    const result = await h.mutate(trpc('confirm'), { as: as.secretaryOf('yongshui'), input: { ...input, reason: '清明节回乡参加了党员大会，签到表漏记' } });
    expect(result.data).toMatchObject({ proposedGrade: 'basic', finalGrade: 'qualified', overridden: true, reason: '清明节回乡参加了党员大会，签到表漏记' });
    const again = await h.mutate(trpc('confirm'), { as: as.secretaryOf('yongshui'), input: { ...input, reason: '清明节回乡参加了党员大会，签到表漏记' } });
    expect(again.data.overridden).toBe(true);
    const history = (await h.query(trpc('history'), { as: as.secretaryOf('yongshui'), input: { year: 2026, memberId: memberIdOf('曹春生') } })).data;
    // Proposed twice: before and after the county chose to count points (the basis changed).
    expect(history.map((c: { action: string; finalGrade: string | null }) => [c.action, c.finalGrade])).toEqual([['confirmed', 'qualified'], ['proposed', null], ['proposed', null]]);
    expect((await h.query(trpc('history'), { as: as.secretaryOf('gaoting'), input: { year: 2026, memberId: memberIdOf('曹春生') } })).data).toEqual([]);
    expect((await h.query(trpc('history'), { as: as.member('曹春生'), input: { year: 2026, memberId: memberIdOf('曹春生') } })).error?.code).toBe('FORBIDDEN');
  });

  it('a new proposal keeps the decision and says whether it still differs', async () => {
    h.clock.now = new Date('2026-12-20T09:00:00+08:00');
    await score(h.database, activity.meeting('曹春生', 'in_person', '2026-12-18T02:00:00Z'));
    const rows = (await h.mutate(trpc('propose'), { as: as.secretaryOf('yongshui'), input: { year: 2026, orgId: orgs.yongshui } })).data as Evaluation[];
    expect(byName(rows, '曹春生')).toMatchObject({ proposedGrade: 'excellent', finalGrade: 'qualified', overridden: true });
    expect(byName(rows, '曹德胜')).toMatchObject({ proposedGrade: 'excellent', finalGrade: 'excellent', overridden: false });
  });

  it("another branch's secretary cannot confirm (NOT_FOUND); a member may not; a grade that does not exist names the field", async () => {
    const input = { year: 2026, memberId: memberIdOf('曹德胜'), grade: 'basic', reason: '测试越权' };
    expect((await h.mutate(trpc('confirm'), { as: as.secretaryOf('gaoting'), input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('confirm'), { as: as.member('曹德胜'), input })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('confirm'), { as: as.secretaryOf('yongshui'), input: { ...input, grade: 'good' } })).error).toMatchObject({
      code: 'BAD_REQUEST', fields: { grade: expect.any(String) },
    });
    expect((await h.mutate(trpc('confirm'), { as: as.secretaryOf('longtan'), input: { ...input, memberId: memberIdOf('黄文杰') } })).error?.code).toBe('NOT_FOUND');
  });

  it('the department lists the county; a branch secretary their branch; a member may not list', async () => {
    const county = (await h.query(trpc('list'), { as: as.department(), input: { year: 2026 } })).data as Evaluation[];
    expect(county).toHaveLength(5);
    const underGaoting = (await h.query(trpc('list'), { as: as.department(), input: { year: 2026, orgId: orgs.gaoting } })).data as Evaluation[];
    expect(underGaoting.map((r) => r.name)).toEqual(['李华']);
    const gaoting = (await h.query(trpc('list'), { as: as.secretaryOf('gaoting'), input: { year: 2026 } })).data as Evaluation[];
    expect(gaoting.map((r) => r.name)).toEqual(['李华']);
    expect((await h.query(trpc('list'), { as: as.department('rc'), input: { year: 2026 } })).data).toEqual([]);
    expect((await h.query(trpc('list'), { as: as.member('曹德胜'), input: { year: 2026 } })).error?.code).toBe('FORBIDDEN');
  });

  it('an org outside the caller’s scope, unknown or of another county is NOT_FOUND, as for propose', async () => {
    expect((await h.query(trpc('list'), { as: as.secretaryOf('gaoting'), input: { year: 2026, orgId: orgs.yongshui } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('list'), { as: as.department(), input: { year: 2026, orgId: crypto.randomUUID() } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('list'), { as: as.department('rc'), input: { year: 2026, orgId: orgs.gaoting } })).error?.code).toBe('NOT_FOUND');
  });
});

describe('evaluation.confirmAll', () => {
  it("another branch's secretary, a member, another county may not confirm a branch's proposals at once; nothing changes", async () => {
    const input = { year: 2026, orgId: orgs.yongshui };
    const before = await db.count('evaluation_changes');
    expect((await h.mutate(trpc('confirmAll'), { as: as.secretaryOf('gaoting'), input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('confirmAll'), { as: as.member('刘秀英'), input })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('confirmAll'), { as: as.department('rc'), input })).error?.code).toBe('NOT_FOUND');
    expect(await db.count('evaluation_changes')).toBe(before);
  });

  it('a secretary who is also a member may not confirm their own grade, and confirming all leaves their own for the level above', async () => {
    const before = await db.count('evaluation_changes');
    const own = { year: 2026, memberId: memberIdOf('刘秀英') };
    expect((await h.mutate(trpc('confirm'), { as: secretaryAndMember, input: { ...own, grade: 'excellent', reason: '我自己觉得很好' } })).error).toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
    expect((await h.mutate(trpc('confirm'), { as: secretaryAndMember, input: { ...own, grade: 'qualified' } })).error).toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
    // Her branch's only undecided proposal is her own: confirming all confirms nothing.
    expect((await h.mutate(trpc('confirmAll'), { as: secretaryAndMember, input: { year: 2026, orgId: orgs.yongshui } })).data).toEqual({ confirmed: 0 });
    expect(await db.count('evaluation_changes')).toBe(before);
  });

  it('another holder of a seat at her branch (a deputy she appointed) may not confirm her grade, and confirming all leaves it for the level above (issue 13 C)', async () => {
    await seatsOf(h.database, '刘秀英', 'yongshui');
    const before = await db.count('evaluation_changes');
    const hers = { year: 2026, memberId: memberIdOf('刘秀英') };
    expect((await h.mutate(trpc('confirm'), { as: as.secretaryOf('yongshui'), input: { ...hers, grade: 'excellent', reason: '书记表现优秀' } })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect((await h.mutate(trpc('confirmAll'), { as: as.secretaryOf('yongshui'), input: { year: 2026, orgId: orgs.yongshui } })).data).toEqual({ confirmed: 0 });
    expect(await db.count('evaluation_changes')).toBe(before);
    // Her seat ended longer ago than the cooling-off: her branch decides about her as about any member; the next case does.
    await seatsEndedLongAgo(h.database, '刘秀英');
  });

  it('the branch confirms every undecided proposal as proposed, once; decisions already made (overrides too) stay', async () => {
    h.clock.now = new Date('2026-12-22T09:00:00+08:00');
    const input = { year: 2026, orgId: orgs.yongshui };
    const first = await h.mutate(trpc('confirmAll'), { as: as.secretaryOf('yongshui'), input });
    expect(first.error).toBeNull();
    expect(first.data).toEqual({ confirmed: 1 });
    expect((await h.mutate(trpc('confirmAll'), { as: as.secretaryOf('yongshui'), input })).data).toEqual({ confirmed: 0 });
    const rows = (await h.query(trpc('list'), { as: as.secretaryOf('yongshui'), input })).data as Evaluation[];
    expect(byName(rows, '刘秀英')).toMatchObject({ finalGrade: 'qualified', overridden: false, confirmedBy: '涌水村党支部书记' });
    expect(byName(rows, '曹春生')).toMatchObject({ finalGrade: 'qualified', overridden: true, reason: '清明节回乡参加了党员大会，签到表漏记' });
    const history = (await h.query(trpc('history'), { as: as.secretaryOf('yongshui'), input: { year: 2026, memberId: memberIdOf('刘秀英') } })).data as { action: string }[];
    expect(history.map((c) => c.action)).toContain('confirmed');
  });

  it("a township secretary confirms the township's branches at once, leaving a member without a proposal for the branch to decide; the department may too", async () => {
    expect((await h.mutate(trpc('confirmAll'), { as: as.secretaryOf('matian'), input: { year: 2026, orgId: orgs.matian } })).data).toEqual({ confirmed: 1 });
    let rows = (await h.query(trpc('list'), { as: as.department(), input: { year: 2026, orgId: orgs.matian } })).data as Evaluation[];
    expect(byName(rows, '王芳')).toMatchObject({ proposedGrade: null, finalGrade: null });
    // Without a proposal the grade from the democratic appraisal is recorded as it is: no reason owed.
    const decided = await h.mutate(trpc('confirm'), { as: as.secretaryOf('matian'), input: { year: 2026, memberId: memberIdOf('王芳'), grade: 'qualified', reason: null } });
    expect(decided.data).toMatchObject({ proposedGrade: null, finalGrade: 'qualified', grade: 'qualified', overridden: false });
    rows = (await h.query(trpc('list'), { as: as.department(), input: { year: 2026, orgId: orgs.matian } })).data as Evaluation[];
    expect(rows.every((r) => r.finalGrade)).toBe(true);
    expect((await h.mutate(trpc('confirmAll'), { as: as.department(), input: { year: 2026, orgId: orgs.matian } })).data).toEqual({ confirmed: 0 });
  });
});

describe('nobody decides about their own evaluation', () => {
  it('the level above, the township secretary, decides the grade of a branch secretary who is a member', async () => {
    const result = await h.mutate(trpc('confirm'), { as: as.secretaryOf('matian'), input: { year: 2026, memberId: memberIdOf('刘秀英'), grade: 'excellent', reason: '镇党委复核：会议全勤' } });
    expect(result.error).toBeNull();
    expect(result.data).toMatchObject({ finalGrade: 'excellent', overridden: true, confirmedBy: '马田镇党委书记' });
    expect((await h.mutate(trpc('confirm'), { as: secretaryAndMember, input: { year: 2026, memberId: memberIdOf('刘秀英'), grade: 'excellent', reason: '我自己觉得很好' } })).error?.code).toBe('FORBIDDEN');
  });
});
