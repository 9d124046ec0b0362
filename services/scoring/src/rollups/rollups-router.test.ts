import { rebuildRollups } from '@tongxin/rollups';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { activity, as, memberIdOf, orgs, score, seedCopies } from '../testing/scoring-fixture.ts';
import { scoringRollups } from './rollup-spec.ts';

let h: ServiceHarness;
const month = '2026-11';
const overview = (caller: ReturnType<typeof as.department>, input: Record<string, unknown>) =>
  h.query('/api/scoring/trpc/rollups.overview', { as: caller, input: { month, ...input } });

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  await seedCopies(h.database);
  await score(
    h.database,
    // 马田镇: three members report in November (5 each), 曹德胜 in October too.
    activity.monthlyReport('曹德胜', '2026-10'),
    activity.monthlyReport('曹德胜', '2026-11'),
    activity.monthlyReport('曹春生', '2026-11'),
    activity.monthlyReport('李华', '2026-11'),
    // 黄草镇: one in-person meeting in November (5).
    activity.meeting('黄文杰', 'in_person', '2026-11-01T02:00:00Z'),
    // 汝城县: its own county's points.
    activity.monthlyReport('朱建国', '2026-11'),
    // Study earns nothing, and so adds to no figure.
    activity.approved('刘秀英', crypto.randomUUID(), 50, '2026-11-01T03:00:00Z', 'study'),
  );
  // 涌水村's three members proposed for 2026 in November, 曹德胜 confirmed excellent.
  expect((await h.mutate('/api/scoring/trpc/evaluation.propose', { as: as.secretaryOf('yongshui'), input: { year: 2026, orgId: orgs.yongshui } })).error).toBeNull();
  const confirmed = await h.mutate('/api/scoring/trpc/evaluation.confirm', {
    as: as.secretaryOf('matian'), input: { year: 2026, memberId: memberIdOf('曹德胜'), grade: 'excellent', reason: '全年表现突出' },
  });
  expect(confirmed.error).toBeNull();
  for (const tenantId of ['yx', 'rc']) await rebuildRollups(h.database.system, scoringRollups, tenantId, ['2026-10', month], () => h.clock.now);
});
afterAll(() => h.close());

const proposals = (figures: Record<string, number>, prefix: string) =>
  Object.entries(figures).filter(([figure]) => figure.startsWith(prefix)).reduce((sum, [, n]) => sum + n, 0);

describe('rollups.overview (scoring)', () => {
  it("the department reads the county's points, members with points and the year's evaluations; October as the month before", async () => {
    const answer = await overview(as.department(), {});
    expect(answer.error).toBeNull();
    expect(answer.data.org).toEqual({ id: orgs.yxDepartment, parentId: null });
    expect(answer.data.figures).toMatchObject({ points: 20, membersWithPoints: 4, 'confirmed:excellent': 1 });
    expect(proposals(answer.data.figures, 'proposed:')).toBe(3);
    expect(proposals(answer.data.figures, 'confirmed:')).toBe(1);
    // October: 曹德胜's report; the evaluation proposed in November is not yet there.
    expect(answer.data.previous).toEqual({ points: 5, membersWithPoints: 1 });
  });

  it('a township secretary reads their subtree, its branches as children', async () => {
    const answer = await overview(as.secretaryOf('huangcao'), { orgId: orgs.huangcao });
    expect(answer.error).toBeNull();
    expect(answer.data.figures).toEqual({ points: 5, membersWithPoints: 1 });
    expect(answer.data.children).toEqual([{ org: { id: orgs.longtan, parentId: orgs.huangcao }, figures: { points: 5, membersWithPoints: 1 } }]);
    const matian = await overview(as.secretaryOf('matian'), { orgId: orgs.matian });
    expect(matian.data.figures).toMatchObject({ points: 15, membersWithPoints: 3 });
  });

  it('another county reads only its own', async () => {
    expect((await overview(as.department('rc'), {})).data.figures).toEqual({ points: 5, membersWithPoints: 1 });
  });

  it('a township secretary is FORBIDDEN county-wide, NOT_FOUND for another township and for another county', async () => {
    expect((await overview(as.secretaryOf('matian'), {})).error).toMatchObject({ code: 'FORBIDDEN' });
    expect((await overview(as.secretaryOf('huangcao'), { orgId: orgs.matian })).error?.code).toBe('NOT_FOUND');
    expect((await overview(as.department('rc'), { orgId: orgs.matian })).error?.code).toBe('NOT_FOUND');
  });

  it('a member is FORBIDDEN; a month in the future is BAD_REQUEST naming month', async () => {
    expect((await overview(as.member('曹德胜'), {})).error?.code).toBe('FORBIDDEN');
    expect((await overview(as.department(), { month: '2026-12' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { month: 'future_month' } });
  });
});
