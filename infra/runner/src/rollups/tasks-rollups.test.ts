import type { RoleGrant } from '@tongxin/auth';
import { rebuildRollups, refreshRollups } from '@tongxin/rollups';
import { tasksRollups } from '@tongxin/tasks';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUCHENG, YONGXING } from '../seed/county-plan.ts';
import { createPlatformHarness } from '../testing/platform-harness.ts';

// Tasks' rollups on the demo county 永兴县, the tasks published, claimed, withdrawn, completed
// and reviewed through the platform's own procedures over two months, with a member of 汝城县
// checked in at 永兴's 深圳 flow branch: every figure of the county, a township and a branch
// equals what an independent query of the base tables counts.
const YX = YONGXING.tenantId;
const RC = RUCHENG.tenantId;
const OCTOBER = new Date('2026-10-12T02:00:00Z');
const NOW = new Date('2026-11-20T02:00:00Z');
const MONTHS = ['2026-10', '2026-11'];

let h: ServiceHarness;
type Row = Record<string, any>;
const rows = async (query: ReturnType<typeof sql>) => (await h.database.owner.execute(query)).rows as Row[];
const tasksApi = (procedure: string) => `/api/tasks/trpc/${procedure}`;
let keys = 0;
const key = (label: string) => `rollups-${label}-${++keys}`;

type Caller = { tenantId: string; userId: string; roles: RoleGrant[] };
const secretaryOf = (orgId: string): Caller => ({ tenantId: YX, userId: `sec-${orgId}`, roles: [{ role: 'secretary', orgId }] });
const department: Caller = { tenantId: YX, userId: 'dep-yx', roles: [{ role: 'department' }] };
interface Claimant { tenantId: string; memberId: string; userId: string; branchId: string }
const memberCaller = (m: Claimant): Caller => ({ tenantId: m.tenantId, userId: m.userId, roles: [{ role: 'member', orgId: m.branchId }] });

let orgs: { id: string; name: string; kind: string; path: string }[] = [];
const org = (name: string) => orgs.find((o) => o.name === name)!;
let claimants: Claimant[] = [];
let visitor: Claimant;

async function publish(as: Caller, orgId: string, task: Record<string, unknown>): Promise<string> {
  const result = await h.mutate(tasksApi('tasks.publish'), {
    as,
    input: {
      orgId, kind: 'sell_products', title: '帮村里销售冰糖橙', description: '联系商超或同事团购，记录卖出的箱数。', target: { amount: 500, unit: 'boxes' },
      quota: null, deadline: '2026-12-31T18:00:00+08:00', visibility: 'org', city: null,
      evidence: { photo: 'none', photoReason: null, text: false, number: true }, points: 10, study: null, idempotencyKey: key('publish'), ...task,
    },
  });
  if (result.error) throw new Error(`publish: ${JSON.stringify(result.error)}`);
  return result.data.id;
}

/** Every claimant tries every task; those the task does not reach are refused (NOT_FOUND) and claim nothing. */
interface Made { claimId: string; who: Claimant; taskId: string }
const studyTasks = new Set<string>();
async function claimAll(taskIds: string[], who: Claimant[]): Promise<Made[]> {
  const made: Made[] = [];
  for (const taskId of taskIds) {
    for (const m of who) {
      const result = await h.mutate(tasksApi('claims.claim'), { as: memberCaller(m), input: { taskId, idempotencyKey: key('claim') } });
      if (!result.error) made.push({ claimId: result.data.claimId as string, who: m, taskId });
      else expect(result.error.code).toBe('NOT_FOUND');
    }
  }
  return made;
}

/** Submits a claim's completion; answers its id when it waits for review (a study confirmation is approved at once). */
async function complete(made: Made[], i: number): Promise<string | null> {
  const study = studyTasks.has(made[i]!.taskId);
  const result = await h.mutate(tasksApi('completions.submit'), {
    as: memberCaller(made[i]!.who), input: { claimId: made[i]!.claimId, note: null, amount: study ? null : 3 + (i % 7), photoIds: [], response: null, idempotencyKey: key('submit') },
  });
  if (result.error) throw new Error(`submit: ${JSON.stringify(result.error)}`);
  return result.data.status === 'submitted' ? result.data.completionId : null;
}
const review = async (completionId: string, decision: 'approve' | 'reject') =>
  expect((await h.mutate(tasksApi('completions.review'), { as: department, input: { completionId, decision, reason: decision === 'reject' ? '数量与发货单不符' : null } })).error).toBeNull();

/** One month's round: tasks out, claims, a fifth withdrawn, half completed, of those a sixth sent back. */
async function round(publications: [Caller, string, Record<string, unknown>][]) {
  const taskIds = [];
  for (const [as, orgId, task] of publications) {
    taskIds.push(await publish(as, orgId, task));
    if (task.kind === 'study') studyTasks.add(taskIds.at(-1)!);
  }
  const made = await claimAll(taskIds, [...claimants, visitor]);
  for (let i = 0; i < made.length; i += 5) {
    expect((await h.mutate(tasksApi('claims.withdraw'), { as: memberCaller(made[i]!.who), input: { claimId: made[i]!.claimId } })).error).toBeNull();
  }
  const open = made.filter((_, i) => i % 5 !== 0);
  const completions: string[] = [];
  for (let i = 0; i < open.length; i += 2) {
    const waiting = await complete(open, i);
    if (waiting) completions.push(waiting);
  }
  return { made, open, completions };
}

beforeAll(async () => {
  h = await createPlatformHarness({ members: 150 });
  orgs = await rows(sql`select org_id as id, name, kind, path from tasks.orgs where tenant_id = ${YX}`) as typeof orgs;
  // Accounts for the claimants: the member copy's user ids, as identity's activation would have linked them.
  await h.database.owner.execute(sql`update tasks.members set user_id = 'u-' || member_id where tenant_id in (${YX}, ${RC}) and user_id is null`);
  claimants = await rows(sql`select tenant_id as "tenantId", member_id as "memberId", user_id as "userId", branch_id as "branchId"
    from tasks.members where tenant_id = ${YX} and status in ('mobile', 'resident') order by member_id limit 40`) as Claimant[];
  // 汝城's member checked in at 永兴's 深圳 flow branch (the copy roster's grant leaves in the member's county).
  visitor = (await rows(sql`select tenant_id as "tenantId", member_id as "memberId", user_id as "userId", branch_id as "branchId"
    from tasks.members where tenant_id = ${RC} and status = 'mobile' order by member_id limit 1`))[0] as Claimant;
  const shenzhen = org('永兴县驻深圳流动党员党支部');
  await h.database.owner.execute(sql`insert into tasks.checkins (tenant_id, member_id, checkin_id, dest_tenant_id, dest_org_id, dest_org_path)
    values (${RC}, ${visitor.memberId}, ${crypto.randomUUID()}, ${YX}, ${shenzhen.id}, ${shenzhen.path})`);

  const root = orgs.find((o) => o.kind === 'department')!;
  const townships = orgs.filter((o) => o.kind === 'township');
  const volunteering = { kind: 'volunteer', title: '社区志愿服务', visibility: 'flow_org', target: { amount: 200, unit: 'hours' } };
  const study = { kind: 'study', title: '学习党员教育管理工作条例', visibility: 'tenant_mobile', target: null, evidence: { photo: 'none', photoReason: null, text: false, number: false }, points: 0, study: { format: 'text', body: '第三章 教育内容（节选）', url: null } };

  h.clock.now = OCTOBER;
  const october = await round([
    ...townships.slice(0, 3).map((t): [Caller, string, Record<string, unknown>] => [secretaryOf(t.id), t.id, { title: `${t.name}：销售冰糖橙` }]),
    [department, root.id, study],
    [secretaryOf(shenzhen.id), shenzhen.id, volunteering],
  ]);
  for (const [i, id] of october.completions.entries()) if (i % 2 === 0) await review(id, i % 6 === 0 ? 'reject' : 'approve');
  h.clock.now = NOW;
  // November: October's other half reviewed late (approved in November), and a new round.
  for (const [i, id] of october.completions.entries()) if (i % 2 === 1) await review(id, 'approve');
  const november = await round([
    ...townships.slice(1).map((t): [Caller, string, Record<string, unknown>] => [secretaryOf(t.id), t.id, { title: `${t.name}：推荐就业岗位`, kind: 'find_jobs', target: { amount: 40, unit: 'jobs' } }]),
    [secretaryOf(shenzhen.id), shenzhen.id, { ...volunteering, title: '十一月志愿服务' }],
  ]);
  for (const [i, id] of november.completions.entries()) await review(id, i % 6 === 5 ? 'reject' : 'approve');
  // The visitor's volunteering hours, approved by the flow branch that took them in.
  const [visit] = await rows(sql`select c.id from tasks.claims c where c.tenant_id = ${YX} and c.member_tenant_id = ${RC} and c.status = 'active' limit 1`);
  const done = await complete([{ claimId: visit!.id, who: visitor, taskId: '' }], 0);
  expect((await h.mutate(tasksApi('completions.review'), { as: secretaryOf(shenzhen.id), input: { completionId: done, decision: 'approve', reason: null } })).error).toBeNull();
  await rebuildRollups(h.database.system, tasksRollups, YX, MONTHS, () => NOW);
  await rebuildRollups(h.database.system, tasksRollups, RC, MONTHS, () => NOW);
}, 600_000);
afterAll(() => h.close());

/** The rollup's figures of an org and month, as stored. */
async function stored(orgId: string, month: string, tenantId = YX): Promise<Record<string, number>> {
  const found = await rows(sql`select figure, value from tasks.rollups where tenant_id = ${tenantId} and org_id = ${orgId} and month = ${month}`);
  return Object.fromEntries(found.map((r) => [r.figure, Number(r.value)]));
}

/**
 * The same figures straight from the base tables, written independently of the spec: a row is
 * in the org's subtree when the org's id is on the row's path, in the month when its China
 * calendar month is the month.
 */
async function counted(orgId: string, month: string): Promise<Record<string, number>> {
  const inOrg = (path: ReturnType<typeof sql>) => sql`strpos(${path}, ${`/${orgId}/`}) > 0`;
  const inMonth = (at: ReturnType<typeof sql>) => sql`to_char(${at} at time zone 'Asia/Shanghai', 'YYYY-MM') = ${month}`;
  const claimantPath = sql`(case when c.member_tenant_id = c.tenant_id
    then (select m.org_path from tasks.members m where m.tenant_id = c.member_tenant_id and m.member_id = c.member_id) else c.task_org_path end)`;
  const [row] = await rows(sql`
    select (select count(*) from tasks.tasks t where t.tenant_id = ${YX} and t.status <> 'draft' and ${inMonth(sql`t.published_at`)} and ${inOrg(sql`t.org_path`)}) as "tasksPublished",
      (select count(*) from tasks.claims c where c.tenant_id = ${YX} and c.status <> 'withdrawn' and ${inMonth(sql`c.claimed_at`)} and ${inOrg(claimantPath)}) as claims,
      (select count(*) from tasks.completions x join tasks.claims c on c.tenant_id = x.tenant_id and c.id = x.claim_id
        where x.tenant_id = ${YX} and x.decision = 'approved' and ${inMonth(sql`x.decided_at`)} and ${inOrg(claimantPath)}) as completed,
      (select coalesce(jsonb_object_agg('outcome:' || unit, amount), '{}') from (
        select c.target_unit as unit, sum(x.amount) as amount from tasks.completions x join tasks.claims c on c.tenant_id = x.tenant_id and c.id = x.claim_id
        where x.tenant_id = ${YX} and x.decision = 'approved' and x.amount is not null and c.target_unit is not null and ${inMonth(sql`x.decided_at`)} and ${inOrg(claimantPath)}
        group by c.target_unit having sum(x.amount) <> 0) o) as outcomes`);
  const { outcomes, ...counts } = row!;
  const figures: Record<string, number> = { ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])), ...outcomes };
  return Object.fromEntries(Object.entries(figures).filter(([, v]) => Number(v) !== 0).map(([k, v]) => [k, Number(v)]));
}

describe("tasks' rollups on the demo county", () => {
  it('every figure of the county, a township and a branch, this month and last, equals the base tables counted directly', async () => {
    const root = orgs.find((o) => o.kind === 'department')!;
    const matian = org('马田镇党委');
    // A branch with claims of its own members in both months.
    const [busy] = await rows(sql`select m.branch_id as id from tasks.claims c join tasks.members m on m.tenant_id = c.member_tenant_id and m.member_id = c.member_id
      where c.tenant_id = ${YX} and c.status <> 'withdrawn' group by m.branch_id having count(distinct to_char(c.claimed_at at time zone 'Asia/Shanghai', 'YYYY-MM')) = 2 order by count(*) desc limit 1`);
    for (const orgId of [root.id, matian.id, busy!.id as string]) {
      for (const month of MONTHS) expect(await stored(orgId, month), `${orgId} ${month}`).toEqual(await counted(orgId, month));
    }
    const county = await stored(root.id, '2026-11');
    expect(county.claims).toBeGreaterThan(20);
    expect(county.completed).toBeGreaterThan(5);
    expect(county['outcome:jobs']).toBeGreaterThan(0);
    // October's completions approved in November count in November: their boxes are there.
    expect(county['outcome:boxes']).toBeGreaterThan(0);
  });

  it("a claim of 汝城's member checked in at 深圳 counts at the flow branch in 永兴, and nowhere in 汝城", async () => {
    const shenzhen = org('永兴县驻深圳流动党员党支部');
    const [visits] = await rows(sql`select count(*)::int as n from tasks.claims where tenant_id = ${YX} and member_tenant_id = ${RC} and status <> 'withdrawn'
      and to_char(claimed_at at time zone 'Asia/Shanghai', 'YYYY-MM') = '2026-11'`);
    expect(visits!.n).toBeGreaterThan(0);
    // The flow branch has no members of its own in the seed: its claims are the visitor's.
    const figures = await stored(shenzhen.id, '2026-11');
    expect(figures.claims).toBe(visits!.n);
    expect(figures.completed).toBeGreaterThanOrEqual(1);
    expect(figures['outcome:hours']).toBeGreaterThan(0);
    expect(await rows(sql`select * from tasks.rollups where tenant_id = ${RC}`)).toEqual([]);
    // Nor does any of 汝城's orgs appear in 永兴's rollups.
    expect((await rows(sql`select count(*)::int as n from tasks.rollups r join tasks.orgs o on o.org_id = r.org_id and o.tenant_id = ${RC} where r.tenant_id = ${YX}`))[0]!.n).toBe(0);
  });

  it("a claim through the procedure marks the month, a withdrawal of October's claim marks October, and the refresh shows both", async () => {
    const root = orgs.find((o) => o.kind === 'department')!;
    const before = { october: await stored(root.id, '2026-10'), november: await stored(root.id, '2026-11') };
    await h.database.owner.execute(sql`delete from tasks.rollup_marks`);
    // The department's task reaches every member of the county.
    const taskId = await publish(department, root.id, { title: '标记测试' });
    const [fresh] = await claimAll([taskId], claimants.slice(0, 1));
    const [octoberClaim] = await rows(sql`select c.id, c.member_id from tasks.claims c where c.tenant_id = ${YX} and c.member_tenant_id = ${YX} and c.status = 'active'
      and to_char(c.claimed_at at time zone 'Asia/Shanghai', 'YYYY-MM') = '2026-10' limit 1`);
    const owner = claimants.find((m) => m.memberId === octoberClaim!.member_id)!;
    expect((await h.mutate(tasksApi('claims.withdraw'), { as: memberCaller(owner), input: { claimId: octoberClaim!.id } })).error).toBeNull();
    expect(fresh).toBeDefined();
    const marks = (await rows(sql`select month from tasks.rollup_marks where tenant_id = ${YX}`)).map((r) => r.month);
    expect(marks).toEqual(expect.arrayContaining(['2026-10', '2026-11']));
    expect(await refreshRollups(h.database.system, tasksRollups, () => NOW)).toBeGreaterThanOrEqual(2);
    expect(await stored(root.id, '2026-11')).toMatchObject({ tasksPublished: before.november.tasksPublished! + 1, claims: before.november.claims! + 1 });
    expect((await stored(root.id, '2026-10')).claims).toBe(before.october.claims! - 1);
    for (const month of MONTHS) expect(await stored(root.id, month)).toEqual(await counted(root.id, month));
  });
});
