import type { RoleGrant } from '@tongxin/auth';
import { rebuildRollups, refreshRollups } from '@tongxin/rollups';
import { scoringRollups } from '@tongxin/scoring';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayAll } from '../relays.ts';
import { YONGXING } from '../seed/county-plan.ts';
import { seedYearHistory } from '../seed/seed-history.ts';
import { seedDemoReports } from '../seed/seed-reporting.ts';
import { createPlatformHarness } from '../testing/platform-harness.ts';

// Scoring's rollups on the demo county 永兴县: the year's reports and Spring Festival meetings
// (the demo seed), November's tasks claimed and completed through the platform's procedures,
// all turned into points by the relay; the year's evaluation proposed for the county and
// confirmed for one township, and last year's proposed for another. Every figure of the
// county, a township and a branch equals what an independent query of the base tables counts.
const YX = YONGXING.tenantId;
const NOW = new Date('2026-11-20T02:00:00Z');
const MONTHS = ['2025-11', '2025-12', '2026-02', '2026-10', '2026-11'];

let h: ServiceHarness;
type Row = Record<string, any>;
const rows = async (query: ReturnType<typeof sql>) => (await h.database.owner.execute(query)).rows as Row[];
type Caller = { tenantId: string; userId: string; roles: RoleGrant[] };
const department: Caller = { tenantId: YX, userId: 'dep-yx', roles: [{ role: 'department' }] };
let keys = 0;
const key = (label: string) => `scoring-rollups-${label}-${++keys}`;
let orgs: { id: string; name: string; kind: string; path: string }[] = [];
const org = (name: string) => orgs.find((o) => o.name === name)!;
const root = () => orgs.find((o) => o.kind === 'department')!;
let claimants: { memberId: string; userId: string; branchId: string }[] = [];

async function ok(path: string, as: Caller, input: unknown) {
  const result = await h.mutate(path, { as, input });
  if (result.error) throw new Error(`${path}: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** A task of the department, claimed by `who` and, for every other one of them, completed and approved: each event earns its points through the relay. */
async function tasksDone(who: typeof claimants, title: string) {
  const { id: taskId } = await ok('/api/tasks/trpc/tasks.publish', department, {
    orgId: root().id, kind: 'sell_products', title, description: '联系商超或同事团购，记录卖出的箱数。', target: { amount: 500, unit: 'boxes' },
    quota: null, deadline: '2026-12-31T18:00:00+08:00', visibility: 'org', city: null,
    evidence: { photo: 'none', photoReason: null, text: false, number: true }, points: 10, study: null, idempotencyKey: key('publish'),
  });
  for (const [i, m] of who.entries()) {
    const as: Caller = { tenantId: YX, userId: m.userId, roles: [{ role: 'member', orgId: m.branchId }] };
    const { claimId } = await ok('/api/tasks/trpc/claims.claim', as, { taskId, idempotencyKey: key('claim') });
    if (i % 2 === 1) continue;
    const { completionId } = await ok('/api/tasks/trpc/completions.submit', as, { claimId, note: null, amount: 5, photoIds: [], response: null, idempotencyKey: key('submit') });
    await ok('/api/tasks/trpc/completions.review', department, { completionId, decision: 'approve', reason: null });
  }
}

beforeAll(async () => {
  h = await createPlatformHarness({ members: 150 });
  h.clock.now = NOW;
  await seedYearHistory(h.database, YX, NOW);
  await seedDemoReports(h.database, YX, NOW);
  orgs = await rows(sql`select org_id as id, name, kind, path from scoring.orgs where tenant_id = ${YX}`) as typeof orgs;
  // Accounts for the claimants: tasks' member copy's user ids, as identity's activation would have linked them.
  await h.database.owner.execute(sql`update tasks.members set user_id = 'u-' || member_id where tenant_id = ${YX} and user_id is null`);
  claimants = await rows(sql`select member_id as "memberId", user_id as "userId", branch_id as "branchId" from tasks.members
    where tenant_id = ${YX} and status in ('mobile', 'resident') order by member_id limit 24`) as typeof claimants;
  await tasksDone(claimants, '十一月：销售冰糖橙');
  await relayAll(h.database);
  await ok('/api/scoring/trpc/evaluation.propose', department, { year: 2026, orgId: root().id });
  await ok('/api/scoring/trpc/evaluation.confirmAll', department, { year: 2026, orgId: org('黄草镇党委').id });
  await ok('/api/scoring/trpc/evaluation.propose', department, { year: 2025, orgId: org('马田镇党委').id });
  await rebuildRollups(h.database.system, scoringRollups, YX, MONTHS, () => NOW);
}, 600_000);
afterAll(() => h.close());

async function stored(orgId: string, month: string): Promise<Record<string, number>> {
  const found = await rows(sql`select figure, value from scoring.rollups where tenant_id = ${YX} and org_id = ${orgId} and month = ${month}`);
  return Object.fromEntries(found.map((r) => [r.figure, Number(r.value)]));
}

/**
 * The same figures from the base tables, written apart from the spec: a member is in the org's
 * subtree when the org's id is on their path; an evaluation counts in a month of its year when
 * proposed (confirmed) in a month not after it, in the month now running and in December always.
 */
async function counted(orgId: string, month: string): Promise<Record<string, number>> {
  const year = Number(month.slice(0, 4));
  const always = month === '2026-11' || month.endsWith('-12');
  const byMonth = (at: ReturnType<typeof sql>) => (always ? sql`${at} is not null` : sql`to_char(${at} at time zone 'Asia/Shanghai', 'YYYY-MM') <= ${month}`);
  const inOrg = sql`strpos(m.org_path, ${`/${orgId}/`}) > 0`;
  const [points] = await rows(sql`
    select coalesce(sum(total), 0)::float8 as points, count(*) filter (where total > 0)::int as "membersWithPoints" from (
      select l.member_id, sum(l.points) as total from scoring.points_ledger l join scoring.members m on m.tenant_id = l.tenant_id and m.member_id = l.member_id
      where l.tenant_id = ${YX} and l.period = ${month} and ${inOrg} group by l.member_id) per_member`);
  const grades = await rows(sql`
    select 'proposed:' || coalesce(e.proposed_grade, 'none') as figure, count(*)::int as n from scoring.evaluations e join scoring.members m on m.tenant_id = e.tenant_id and m.member_id = e.member_id
    where e.tenant_id = ${YX} and e.year = ${year} and ${byMonth(sql`e.proposed_at`)} and ${inOrg} group by 1
    union all
    select 'confirmed:' || e.final_grade, count(*)::int from scoring.evaluations e join scoring.members m on m.tenant_id = e.tenant_id and m.member_id = e.member_id
    where e.tenant_id = ${YX} and e.year = ${year} and e.final_grade is not null and ${byMonth(sql`e.confirmed_at`)} and ${inOrg} group by 1`);
  const figures: Record<string, number> = { points: Number(points!.points), membersWithPoints: Number(points!.membersWithPoints) };
  for (const g of grades) figures[g.figure] = Number(g.n);
  return Object.fromEntries(Object.entries(figures).filter(([, v]) => v !== 0));
}

describe("scoring's rollups on the demo county", () => {
  it('every figure of the county, a township and a branch, over five months of two years, equals the base tables counted directly', async () => {
    const [busy] = await rows(sql`select m.branch_id as id from scoring.points_ledger l join scoring.members m on m.tenant_id = l.tenant_id and m.member_id = l.member_id
      where l.tenant_id = ${YX} and l.period = '2026-11' group by m.branch_id order by count(*) desc limit 1`);
    for (const orgId of [root().id, org('马田镇党委').id, org('黄草镇党委').id, busy!.id as string]) {
      for (const month of MONTHS) expect(await stored(orgId, month), `${orgId} ${month}`).toEqual(await counted(orgId, month));
    }
    const county = await stored(root().id, '2026-11');
    expect(county.points).toBeGreaterThan(0);
    expect(county.membersWithPoints).toBe(claimants.length);
    expect(Object.keys(county).some((f) => f.startsWith('confirmed:'))).toBe(true);
    expect((await stored(root().id, '2026-02')).points).toBeGreaterThan((await stored(root().id, '2026-03')).points ?? 0);
    // October's figures hold its reports, and no evaluation proposed after it.
    const october = await stored(root().id, '2026-10');
    expect(october.points).toBeGreaterThan(0);
    expect(Object.keys(october).filter((f) => f.includes(':'))).toEqual([]);
    // Last year's evaluation, proposed now, is kept by its December.
    expect(Object.keys(await stored(root().id, '2025-12')).some((f) => f.startsWith('proposed:'))).toBe(true);
    expect(await stored(root().id, '2025-11')).toEqual({});
  });

  it("points the relay writes mark their month, and so does an evaluation's decision (and its year's December); the refresh shows them", async () => {
    await h.database.owner.execute(sql`delete from scoring.rollup_marks`);
    await tasksDone(claimants.slice(0, 2), '十一月：再卖一批');
    await relayAll(h.database);
    const [member] = await rows(sql`select member_id from scoring.evaluations where tenant_id = ${YX} and year = 2026 and final_grade is null order by member_id limit 1`);
    await ok('/api/scoring/trpc/evaluation.confirm', department, { year: 2026, memberId: member!.member_id, grade: 'unqualified', reason: '全年未参加组织生活' });
    const marks = (await rows(sql`select month from scoring.rollup_marks where tenant_id = ${YX}`)).map((r) => r.month);
    expect(marks).toEqual(expect.arrayContaining(['2026-11', '2026-12']));
    const before = await stored(root().id, '2026-11');
    expect(await refreshRollups(h.database.system, scoringRollups, () => NOW)).toBeGreaterThanOrEqual(1);
    const after = await stored(root().id, '2026-11');
    expect(after.points).toBeGreaterThan(before.points!);
    expect(after['confirmed:unqualified'] ?? 0).toBe((before['confirmed:unqualified'] ?? 0) + 1);
    expect(after).toEqual(await counted(root().id, '2026-11'));
  });
});
