import { tenantTransaction, type Scope } from '@tongxin/db';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, count, createTasksHarness, crowd, department, events, key, member, o, paths, people, publish, secretaryOf, trpc } from '../testing/tasks-fixture.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createTasksHarness();
});
afterAll(() => h.close());

/** The task's place counter, as stored. */
async function claimed(taskId: string): Promise<number> {
  const { rows } = await h.database.owner.execute(sql`select claimed_count as n from tasks.tasks where id = ${taskId}`);
  return (rows[0] as { n: number }).n;
}
const claimsOf = (taskId: string) => count(h, 'claims', sql`task_id = ${taskId}`);

describe('claims.claim', () => {
  it('a member claims a task once: a retry is the same claim, created false, and no second event', async () => {
    const taskId = await publish(h, secretaryOf('yongshui'), { title: '卖橙子：重试' });
    const idempotencyKey = key('claim');
    const first = await claim(h, people.lihua, taskId, idempotencyKey);
    const retry = await claim(h, people.lihua, taskId, idempotencyKey);
    const again = await claim(h, people.lihua, taskId, key('claim'));
    expect(first.data.created).toBe(true);
    expect(retry.data).toEqual({ claimId: first.data.claimId, created: false });
    expect(again.data).toEqual({ claimId: first.data.claimId, created: false });
    expect(await claimsOf(taskId)).toBe(1);
    expect(await claimed(taskId)).toBe(1);
    const claimedEvents = (await events(h, 'tasks.claimed')).filter((e) => e.payload.taskId === taskId);
    expect(claimedEvents).toEqual([{
      tenant_id: 'yx',
      payload: {
        claimId: first.data.claimId, taskId, taskTitle: '卖橙子：重试', taskKind: 'sell_products', taskOrgId: o.yongshui,
        memberTenantId: 'yx', memberId: people.lihua.memberId, userId: people.lihua.userId, claimedAt: '2026-11-02T01:00:00.000Z',
      },
    }]);
  });

  it('the third member is told the task is full, and nothing changes', async () => {
    const taskId = await publish(h, secretaryOf('yongshui'), { title: '卖橙子：名额2', quota: 2 });
    expect((await claim(h, crowd[0]!, taskId)).data.created).toBe(true);
    expect((await claim(h, crowd[1]!, taskId)).data.created).toBe(true);
    const third = await claim(h, crowd[2]!, taskId);
    expect(third.error).toMatchObject({ code: 'BAD_REQUEST', fields: { taskId: 'task_full' } });
    expect(await claimsOf(taskId)).toBe(2);
    expect(await claimed(taskId)).toBe(2);
    const list = await h.query(trpc('tasks.forMe'), { as: member(crowd[2]!) });
    expect(list.data.find((t: { id: string }) => t.id === taskId)).toMatchObject({ claimed: 2, quota: 2, full: true, myClaim: null });
  });

  it('a closed or expired task is BAD_REQUEST naming taskId, and nothing changes', async () => {
    const closed = await publish(h, secretaryOf('yongshui'), { title: '卖橙子：已关闭' });
    await h.mutate(trpc('tasks.close'), { as: secretaryOf('yongshui'), input: { taskId: closed } });
    const expiring = await publish(h, secretaryOf('yongshui'), { title: '卖橙子：将过期', deadline: '2026-11-03T09:00:00+08:00' });
    const before = await count(h, 'claims');
    expect((await claim(h, people.lihua, closed)).error).toMatchObject({ code: 'BAD_REQUEST', fields: { taskId: 'task_closed' } });
    const now = h.clock.now;
    h.clock.now = new Date('2026-11-03T09:00:00+08:00');
    try {
      expect((await claim(h, people.lihua, expiring)).error).toMatchObject({ code: 'BAD_REQUEST', fields: { taskId: 'claim_expired' } });
    } finally {
      h.clock.now = now;
    }
    expect(await count(h, 'claims')).toBe(before);
    expect(await claimed(expiring)).toBe(0);
  });

  it('a task that does not reach the member, a draft, or one of another county without a check-in is NOT_FOUND', async () => {
    const otherBranch = await publish(h, secretaryOf('longtan'), { orgId: o.longtan, title: '龙潭村任务' });
    const draft = await publish(h, secretaryOf('yongshui'), { title: '草稿', draft: true });
    const flow = await publish(h, secretaryOf('gzFlow'), { orgId: o.gzFlow, visibility: 'flow_org', title: '广州：不可见测试' });
    const before = await count(h, 'claims');
    expect((await claim(h, people.lihua, otherBranch)).error?.code).toBe('NOT_FOUND');
    expect((await claim(h, people.lihua, draft)).error?.code).toBe('NOT_FOUND');
    expect((await claim(h, people.zhou, flow)).error?.code).toBe('NOT_FOUND');
    expect((await claim(h, people.lihua, crypto.randomUUID())).error?.code).toBe('NOT_FOUND');
    expect(await count(h, 'claims')).toBe(before);
  });

  it('claims.claim is for members: a secretary or the department is FORBIDDEN; bad input is BAD_REQUEST', async () => {
    const taskId = await publish(h, secretaryOf('yongshui'), { title: '卖橙子：角色' });
    expect((await h.mutate(trpc('claims.claim'), { as: secretaryOf('yongshui'), input: { taskId, idempotencyKey: key('c') } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('claims.claim'), { as: department(), input: { taskId, idempotencyKey: key('c') } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('claims.claim'), { as: member(people.lihua), input: { taskId: 'x', idempotencyKey: 'short' } })).error?.fields).toEqual({ taskId: expect.any(String), idempotencyKey: expect.any(String) });
  });
});

describe('a member of another county claims a flow branch’s task', () => {
  let taskId: string;
  let claimId: string;
  beforeAll(async () => {
    taskId = await publish(h, secretaryOf('gzFlow'), { orgId: o.gzFlow, visibility: 'flow_org', title: '广州：帮老乡找工作', kind: 'find_jobs', target: { amount: 5, unit: 'jobs' }, quota: 3 });
    const result = await claim(h, people.chen, taskId);
    expect(result.error).toBeNull();
    claimId = result.data.claimId;
  });

  it('the claim belongs to the task’s county, names the member’s county, and the event says so', async () => {
    const { rows } = await h.database.owner.execute(sql`select tenant_id, member_tenant_id, member_name, status from tasks.claims where id = ${claimId}`);
    expect(rows).toEqual([{ tenant_id: 'yx', member_tenant_id: 'rc', member_name: '陈志强', status: 'active' }]);
    const event = (await events(h, 'tasks.claimed')).find((e) => e.payload.claimId === claimId);
    expect(event).toMatchObject({ tenant_id: 'yx', payload: { memberTenantId: 'rc', memberId: people.chen.memberId, taskOrgId: o.gzFlow, taskKind: 'find_jobs' } });
    expect(await claimed(taskId)).toBe(1);
  });

  it('both counties read it, each within its scope; no one else does', async () => {
    expect((await h.query(trpc('claims.mine'), { as: member(people.chen) })).data).toEqual([
      expect.objectContaining({ claimId, taskId, title: '广州：帮老乡找工作', orgName: '永兴县驻广州流动党员党支部', status: 'active', points: 10, target: { amount: 5, unit: 'jobs' }, taskChanged: false, completion: null }),
    ]);
    const publisher = await h.query(trpc('tasks.progress'), { as: secretaryOf('gzFlow'), input: { taskId } });
    expect(publisher.data.claims).toEqual([expect.objectContaining({ claimId, memberName: '陈志强', memberTenantId: 'rc' })]);
    const readAs = (scope: Scope) => tenantTransaction(h.database, scope, async (tx) => (await tx.execute(sql`select id from tasks.claims where id = ${claimId}`)).rows.length);
    expect(await readAs({ tenantId: 'rc', userId: 'sec-reshui', orgIds: [o.reshui] })).toBe(1); // the member's home branch
    expect(await readAs({ tenantId: 'rc', tenantWide: true })).toBe(1);
    expect(await readAs({ tenantId: 'yx', userId: 'sec-longtan', orgIds: [o.longtan] })).toBe(0);
    expect(await readAs({ tenantId: 'rc', userId: people.zhou.userId })).toBe(0);
    expect(await readAs({ tenantId: 'other', tenantWide: true })).toBe(0);
  });

  it('a member’s transaction writes no claim of another county directly: only through the functions', async () => {
    const attempt = tenantTransaction(h.database, { tenantId: 'rc', userId: people.chen.userId }, (tx) =>
      tx.execute(sql`update tasks.claims set status = 'approved' where id = ${claimId} returning id`),
    );
    await expect(attempt.then((r) => r.rows.length)).resolves.toBe(0);
    const counter = tenantTransaction(h.database, { tenantId: 'rc', userId: people.chen.userId }, (tx) =>
      tx.execute(sql`update tasks.tasks set claimed_count = 0 where id = ${taskId} returning id`),
    );
    await expect(counter.then((r) => r.rows.length)).resolves.toBe(0);
    expect(await claimed(taskId)).toBe(1);
  });

  it('after the check-in ends the task no longer reaches them, but their claim stays theirs', async () => {
    await h.database.owner.execute(sql`delete from tasks.checkins where tenant_id = 'rc' and member_id = ${people.chen.memberId}`);
    try {
      expect((await h.query(trpc('tasks.forMe'), { as: member(people.chen) })).data).toEqual([]);
      expect((await h.query(trpc('claims.mine'), { as: member(people.chen) })).data.map((c: { claimId: string }) => c.claimId)).toEqual([claimId]);
    } finally {
      await h.database.owner.execute(sql`insert into tasks.checkins (tenant_id, member_id, checkin_id, dest_tenant_id, dest_org_id, dest_org_path)
        values ('rc', ${people.chen.memberId}, ${crypto.randomUUID()}, 'yx', ${o.gzFlow}, ${paths.gzFlow})`);
    }
  });

  it('they withdraw before the deadline: the place goes back and claim_withdrawn names their county', async () => {
    const withdrawn = await h.mutate(trpc('claims.withdraw'), { as: member(people.chen), input: { claimId } });
    expect(withdrawn.data).toEqual({ status: 'withdrawn' });
    expect(await claimed(taskId)).toBe(0);
    const retry = await h.mutate(trpc('claims.withdraw'), { as: member(people.chen), input: { claimId } });
    expect(retry.data).toEqual({ status: 'withdrawn' });
    expect((await events(h, 'tasks.claim_withdrawn')).filter((e) => e.payload.claimId === claimId)).toEqual([{
      tenant_id: 'yx',
      payload: { claimId, taskId, taskTitle: '广州：帮老乡找工作', memberTenantId: 'rc', memberId: people.chen.memberId, userId: people.chen.userId, withdrawnAt: '2026-11-02T01:00:00.000Z' },
    }]);
    // And may claim again, as a new claim.
    const again = await claim(h, people.chen, taskId);
    expect(again.data.created).toBe(true);
    expect(again.data.claimId).not.toBe(claimId);
    expect(await claimed(taskId)).toBe(1);
  });
});

describe('the task’s county is read by the server, never taken from input (issue 13, class A)', () => {
  let flowTask: string;
  beforeAll(async () => {
    flowTask = await publish(h, secretaryOf('gzFlow'), { orgId: o.gzFlow, visibility: 'flow_org', title: '广州：按编号认领', quota: 5 });
  });

  it('a member of another county with a standing check-in there reads and claims its task by the id alone', async () => {
    const read = await h.query(trpc('tasks.get'), { as: member(people.chen), input: { taskId: flowTask } });
    expect(read.data).toMatchObject({ tenantId: 'yx', id: flowTask, title: '广州：按编号认领', myClaim: null });
    const claimed = await h.mutate(trpc('claims.claim'), { as: member(people.chen), input: { taskId: flowTask, idempotencyKey: key('by-id') } });
    expect(claimed.data).toMatchObject({ created: true });
    const { rows } = await h.database.owner.execute(sql`select tenant_id, member_tenant_id from tasks.claims where id = ${claimed.data.claimId}`);
    expect(rows).toEqual([{ tenant_id: 'yx', member_tenant_id: 'rc' }]);
    expect((await h.query(trpc('tasks.get'), { as: member(people.chen), input: { taskId: flowTask } })).data.myClaim).toEqual({ id: claimed.data.claimId, status: 'active' });
  });

  it('without a standing check-in the same id is NOT_FOUND, read or claimed, whichever county the input names', async () => {
    const before = await claimsOf(flowTask);
    expect((await h.query(trpc('tasks.get'), { as: member(people.zhou), input: { taskId: flowTask, tenantId: 'yx' } })).error?.code).toBe('NOT_FOUND');
    const claimed = await h.mutate(trpc('claims.claim'), { as: member(people.zhou), input: { taskId: flowTask, taskTenantId: 'yx', idempotencyKey: key('named') } });
    expect(claimed.error?.code).toBe('NOT_FOUND');
    // A check-in that ends takes the county away: 陈志强 cannot reach a new task of it.
    const later = await publish(h, secretaryOf('gzFlow'), { orgId: o.gzFlow, visibility: 'flow_org', title: '广州：报到结束后' });
    await h.database.owner.execute(sql`delete from tasks.checkins where tenant_id = 'rc' and member_id = ${people.chen.memberId}`);
    try {
      expect((await h.query(trpc('tasks.get'), { as: member(people.chen), input: { taskId: later, tenantId: 'yx' } })).error?.code).toBe('NOT_FOUND');
      expect((await h.mutate(trpc('claims.claim'), { as: member(people.chen), input: { taskId: later, taskTenantId: 'yx', idempotencyKey: key('ended') } })).error?.code).toBe('NOT_FOUND');
    } finally {
      await h.database.owner.execute(sql`insert into tasks.checkins (tenant_id, member_id, checkin_id, dest_tenant_id, dest_org_id, dest_org_path)
        values ('rc', ${people.chen.memberId}, ${crypto.randomUUID()}, 'yx', ${o.gzFlow}, ${paths.gzFlow})`);
    }
    expect(await claimsOf(flowTask)).toBe(before);
    expect(await claimsOf(later)).toBe(0);
  });

  it('a county in the input is ignored: it neither narrows nor widens what the caller reaches', async () => {
    // A wrong county named beside the id changes nothing: the key is dropped unread.
    const own = await publish(h, secretaryOf('yongshui'), { title: '卖橙子：多余的县' });
    const claimed = await h.mutate(trpc('claims.claim'), { as: member(people.lihua), input: { taskId: own, taskTenantId: 'rc', idempotencyKey: key('extra') } });
    expect(claimed.data).toMatchObject({ created: true });
    expect((await h.query(trpc('tasks.get'), { as: member(people.chen), input: { taskId: flowTask, tenantId: 'rc' } })).data.tenantId).toBe('yx');
    expect((await h.mutate(trpc('claims.withdraw'), { as: member(people.lihua), input: { claimId: claimed.data.claimId, taskTenantId: 'rc' } })).data).toEqual({ status: 'withdrawn' });
  });
});

describe('claims.withdraw', () => {
  it('only the member’s own claim, before the promised deadline; otherwise nothing changes', async () => {
    const taskId = await publish(h, secretaryOf('yongshui'), { title: '卖橙子：撤回', deadline: '2026-11-05T18:00:00+08:00' });
    const { claimId } = (await claim(h, people.lihua, taskId)).data;
    expect((await h.mutate(trpc('claims.withdraw'), { as: member(crowd[5]!), input: { claimId } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('claims.withdraw'), { as: secretaryOf('yongshui'), input: { claimId } })).error?.code).toBe('FORBIDDEN');
    const now = h.clock.now;
    h.clock.now = new Date('2026-11-06T09:00:00+08:00');
    try {
      expect((await h.mutate(trpc('claims.withdraw'), { as: member(people.lihua), input: { claimId } })).error?.fields).toEqual({ claimId: 'claim_not_active' });
    } finally {
      h.clock.now = now;
    }
    expect(await claimed(taskId)).toBe(1);
    expect(await count(h, 'claims', sql`id = ${claimId} and status = 'active'`)).toBe(1);
  });
});

describe('claims.mine', () => {
  it('lists the member’s claims with what was promised; a secretary without the member role is FORBIDDEN', async () => {
    const mine = await h.query(trpc('claims.mine'), { as: member(people.lihua) });
    expect(mine.data.length).toBeGreaterThan(0);
    expect(mine.data.every((c: { taskTenantId: string }) => c.taskTenantId === 'yx')).toBe(true);
    expect((await h.query(trpc('claims.mine'), { as: secretaryOf('yongshui') })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('claims.mine'), { as: member(people.zhou) })).data).toEqual([]);
  });
});
