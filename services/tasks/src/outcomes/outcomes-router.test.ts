import type { ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, createTasksHarness, crowd, department, key, member, o, people, publish, secretaryOf, trpc, type FixtureMember } from '../testing/tasks-fixture.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createTasksHarness();
  const sell = await publish(h, secretaryOf('yongshui'), { title: '卖冰糖橙', quota: null, target: { amount: 100, unit: 'boxes' } });
  const donate = await publish(h, secretaryOf('matian'), { orgId: o.matian, title: '为学校捐款', kind: 'donation', quota: null, target: { amount: 2000, unit: 'yuan' } });
  const promote = await publish(h, secretaryOf('gzFlow'), { orgId: o.gzFlow, visibility: 'flow_org', kind: 'promotion', title: '广州推介', quota: null, target: { amount: 50, unit: 'orders' } });
  const jobs = await publish(h, department(), { orgId: o.yxDepartment, visibility: 'tenant_mobile', kind: 'find_jobs', title: '帮贫困户找工作', quota: null, target: { amount: 5, unit: 'jobs' } });
  await complete(crowd[0]!, sell, 12);
  await complete(crowd[1]!, sell, 8);
  await complete(people.lihua, donate, 500);
  await complete(people.chen, promote, 7); // a member of 汝城县, checked in with the flow branch
  await complete(people.huang, jobs, 2);
  // Submitted but not approved: not an outcome yet.
  const pending = (await claim(h, crowd[2]!, sell)).data.claimId;
  await h.mutate(trpc('completions.submit'), { as: member(crowd[2]!), input: { claimId: pending, amount: 99, idempotencyKey: key('s') } });
});
afterAll(() => h.close());

async function complete(who: FixtureMember, taskId: string, amount: number) {
  const { claimId } = (await claim(h, who, taskId)).data;
  const submitted = await h.mutate(trpc('completions.submit'), { as: member(who), input: { claimId, amount, idempotencyKey: key('s') } });
  const reviewed = await h.mutate(trpc('completions.review'), { as: department(), input: { completionId: submitted.data.completionId, decision: 'approve', reason: null } });
  expect(reviewed.data).toEqual({ status: 'approved' });
}

const row = (org: keyof typeof o, level: string, kind: string, unit: string, amount: number, completions: number) => ({ orgId: o[org], orgName: expect.any(String), level, kind, unit, amount, completions });

describe('outcomes.summary', () => {
  it('the department sees the approved numbers by kind for the county, each township and each branch', async () => {
    const result = await h.query(trpc('outcomes.summary'), { as: department(), input: { year: 2026 } });
    expect(result.data.rows).toEqual(expect.arrayContaining([
      row('yxDepartment', 'tenant', 'sell_products', 'boxes', 20, 2),
      row('yxDepartment', 'tenant', 'donation', 'yuan', 500, 1),
      row('yxDepartment', 'tenant', 'promotion', 'orders', 7, 1),
      row('yxDepartment', 'tenant', 'find_jobs', 'jobs', 2, 1),
      row('matian', 'township', 'sell_products', 'boxes', 20, 2),
      row('matian', 'township', 'donation', 'yuan', 500, 1),
      row('matian', 'township', 'promotion', 'orders', 7, 1),
      row('yongshui', 'branch', 'sell_products', 'boxes', 20, 2),
      row('gzFlow', 'branch', 'promotion', 'orders', 7, 1),
    ]));
    expect(result.data.rows).toHaveLength(9);
    expect(result.data.rows[0]).toMatchObject({ orgName: '中共永兴县委组织部', level: 'tenant' });
  });

  it('a township secretary sees their township and its branches, not a county total; orgId narrows to a subtree', async () => {
    const township = await h.query(trpc('outcomes.summary'), { as: secretaryOf('matian'), input: { year: 2026 } });
    expect(township.data.rows.map((r: { orgId: string }) => r.orgId)).not.toContain(o.yxDepartment);
    expect(township.data.rows).toHaveLength(5);
    const branch = await h.query(trpc('outcomes.summary'), { as: department(), input: { year: 2026, orgId: o.yongshui } });
    expect(branch.data.rows).toEqual([row('yongshui', 'branch', 'sell_products', 'boxes', 20, 2)]);
    expect((await h.query(trpc('outcomes.summary'), { as: secretaryOf('longtan'), input: { year: 2026 } })).data.rows).toEqual([]);
  });

  it('counts the China calendar year of the approval; another county sees none of it', async () => {
    expect((await h.query(trpc('outcomes.summary'), { as: department(), input: { year: 2025 } })).data.rows).toEqual([]);
    expect((await h.query(trpc('outcomes.summary'), { as: department('rc'), input: { year: 2026 } })).data.rows).toEqual([]);
  });

  it('is for staff: a member is FORBIDDEN; a bad year is BAD_REQUEST', async () => {
    expect((await h.query(trpc('outcomes.summary'), { as: member(people.lihua), input: { year: 2026 } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('outcomes.summary'), { as: department(), input: { year: 26 } })).error?.fields).toEqual({ year: expect.any(String) });
  });
});
