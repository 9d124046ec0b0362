import { rebuildRollups } from '@tongxin/rollups';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, createTasksHarness, department, key, member, o, people, publish, secretaryOf, trpc, crowd, type FixtureMember } from '../testing/tasks-fixture.ts';
import { tasksRollups } from './rollup-spec.ts';

let h: ServiceHarness;
const month = '2026-11';
type Caller = ReturnType<typeof department>;
const overview = (as: Caller, input: Record<string, unknown>) => h.query(trpc('rollups.overview'), { as, input: { month, ...input } });

async function claimed(who: FixtureMember, taskId: string): Promise<string> {
  const result = await claim(h, who, taskId);
  if (result.error) throw new Error(JSON.stringify(result.error));
  return result.data.claimId;
}

beforeAll(async () => {
  h = await createTasksHarness();
  // The village branch's oranges, claimed by 李华 (12 boxes, approved) and by a neighbour who
  // withdrew; the 广州 flow branch's volunteering, claimed by 陈志强 of 汝城县, checked in there.
  const oranges = await publish(h, secretaryOf('yongshui'), { quota: null });
  const volunteering = await publish(h, secretaryOf('gzFlow'), {
    orgId: o.gzFlow, kind: 'volunteer', title: '社区志愿服务', visibility: 'flow_org', target: { amount: 200, unit: 'hours' }, quota: null,
  });
  const lihua = await claimed(people.lihua, oranges);
  const withdrawn = await claimed(crowd[0]!, oranges);
  expect((await h.mutate(trpc('claims.withdraw'), { as: member(crowd[0]!), input: { claimId: withdrawn } })).error).toBeNull();
  await claimed(people.chen, volunteering);
  const submitted = await h.mutate(trpc('completions.submit'), {
    as: member(people.lihua), input: { claimId: lihua, note: null, amount: 12, photoIds: [], response: null, idempotencyKey: key('submit') },
  });
  expect(submitted.error).toBeNull();
  const reviewed = await h.mutate(trpc('completions.review'), { as: secretaryOf('matian'), input: { completionId: submitted.data.completionId, decision: 'approve' } });
  expect(reviewed.error).toBeNull();
  for (const tenantId of ['yx', 'rc']) await rebuildRollups(h.database.system, tasksRollups, tenantId, [month], () => h.clock.now);
});
afterAll(() => h.close());

describe('rollups.overview (tasks)', () => {
  it("the department reads the county's figures, a withdrawn claim not counted, with its townships as children", async () => {
    const answer = await overview(department(), {});
    expect(answer.error).toBeNull();
    expect(answer.data.org).toEqual({ id: o.yxDepartment, parentId: null });
    expect(answer.data.figures).toEqual({ tasksPublished: 2, claims: 2, completed: 1, 'outcome:boxes': 12 });
    expect(answer.data.children).toEqual([{ org: { id: o.matian, parentId: o.yxDepartment }, figures: { tasksPublished: 2, claims: 2, completed: 1, 'outcome:boxes': 12 } }]);
  });

  it("a township secretary reads their subtree: the claim of a member checked in from another county counts at the flow branch, a number only", async () => {
    const answer = await overview(secretaryOf('matian'), { orgId: o.matian });
    expect(answer.error).toBeNull();
    expect(answer.data.figures).toMatchObject({ claims: 2, completed: 1 });
    const children = Object.fromEntries(answer.data.children.map((c: { org: { id: string }; figures: object }) => [c.org.id, c.figures]));
    expect(children[o.gzFlow]).toEqual({ tasksPublished: 1, claims: 1 });
    expect(children[o.yongshui]).toEqual({ tasksPublished: 1, claims: 1, completed: 1, 'outcome:boxes': 12 });
  });

  it("the member's own county counts nothing of a claim made in another county", async () => {
    const answer = await overview(department('rc'), {});
    expect(answer.error).toBeNull();
    expect(answer.data.figures).toEqual({});
  });

  it('a township secretary is FORBIDDEN county-wide, NOT_FOUND for another township and for another county', async () => {
    expect((await overview(secretaryOf('matian'), {})).error).toMatchObject({ code: 'FORBIDDEN' });
    expect((await overview(secretaryOf('huangcao'), { orgId: o.matian })).error?.code).toBe('NOT_FOUND');
    expect((await overview(department('rc'), { orgId: o.matian })).error?.code).toBe('NOT_FOUND');
    expect((await overview(secretaryOf('huangcao'), { orgId: o.huangcao })).data.figures).toEqual({});
  });

  it('a member is FORBIDDEN; a month in the future is BAD_REQUEST naming month', async () => {
    expect((await overview(member(people.lihua), {})).error?.code).toBe('FORBIDDEN');
    expect((await overview(department(), { month: '2026-12' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { month: 'future_month' } });
  });
});
