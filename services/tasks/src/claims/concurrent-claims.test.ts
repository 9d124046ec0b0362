import { testEnv } from '@tongxin/db/testing';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, createTasksHarness, crowd, events, key, member, publish, secretaryOf, trpc } from '../testing/tasks-fixture.ts';

// PGlite runs one transaction at a time, so concurrency means something only on a PostgreSQL
// server (npm test's neon and pg passes); the sequential "full" case is in claims-router.test.ts.
describe.skipIf(testEnv.TEST_DB_DRIVER === 'pglite')('no oversell under truly concurrent claims (PostgreSQL)', () => {
  let h: ServiceHarness;
  beforeAll(async () => {
    h = await createTasksHarness();
  });
  afterAll(() => h?.close());

  async function stored(taskId: string) {
    const { rows } = await h.database.owner.execute(sql`select
      (select claimed_count from tasks.tasks where id = ${taskId}) as counter,
      (select count(*)::int from tasks.claims where task_id = ${taskId} and status <> 'withdrawn') as active,
      (select count(*)::int from tasks.claims where task_id = ${taskId}) as rows,
      (select count(distinct member_id)::int from tasks.claims where task_id = ${taskId}) as members`);
    return rows[0] as { counter: number; active: number; rows: number; members: number };
  }

  it('30 members claim a task with quota 5 at once: exactly 5 claims, the counter says 5, the rest are told it is full', async () => {
    const taskId = await publish(h, secretaryOf('yongshui'), { title: '抢单：名额5', quota: 5 });
    const results = await Promise.all(crowd.map((m) => claim(h, m, taskId)));
    expect(results.filter((r) => r.data?.created).length).toBe(5);
    expect(results.filter((r) => r.error).map((r) => r.error)).toEqual(Array.from({ length: 25 }, () => expect.objectContaining({ code: 'BAD_REQUEST', fields: { taskId: 'task_full' } })));
    expect(await stored(taskId)).toEqual({ counter: 5, active: 5, rows: 5, members: 5 });
    expect((await events(h, 'tasks.claimed')).filter((e) => e.payload.taskId === taskId)).toHaveLength(5);
  });

  it('every member sends the same claim three times at once (retries and double taps): one claim each, no duplicate, no oversell', async () => {
    const taskId = await publish(h, secretaryOf('yongshui'), { title: '抢单：重试', quota: 10 });
    const requests = crowd.flatMap((m) => {
      const idempotencyKey = key('claim');
      // Two retries of one request, and a second tap with a new key.
      return [claim(h, m, taskId, idempotencyKey), claim(h, m, taskId, idempotencyKey), claim(h, m, taskId, key('tap'))];
    });
    const results = await Promise.all(requests);
    const winners = new Set(results.filter((r) => r.data).map((r) => r.data.claimId as string));
    expect(winners.size).toBe(10);
    expect(results.filter((r) => r.data?.created).length).toBe(10);
    expect(results.filter((r) => r.error && r.error.fields?.taskId !== 'task_full')).toEqual([]);
    expect(await stored(taskId)).toEqual({ counter: 10, active: 10, rows: 10, members: 10 });
    expect((await events(h, 'tasks.claimed')).filter((e) => e.payload.taskId === taskId)).toHaveLength(10);
  });

  it('claims and withdrawals racing keep the counter equal to the claims holding a place', async () => {
    const taskId = await publish(h, secretaryOf('yongshui'), { title: '抢单：撤回', quota: 8 });
    const first = await Promise.all(crowd.slice(0, 8).map((m) => claim(h, m, taskId)));
    expect(first.every((r) => r.data?.created)).toBe(true);
    await Promise.all([
      ...first.slice(0, 4).map((r, i) => h.mutate(trpc('claims.withdraw'), { as: member(crowd[i]!), input: { claimId: r.data.claimId } })),
      ...crowd.slice(8).map((m) => claim(h, m, taskId)),
    ]);
    const after = await stored(taskId);
    expect(after.counter).toBe(after.active);
    expect(after.active).toBeLessThanOrEqual(8);
    expect(after.active).toBeGreaterThanOrEqual(8 - 4);
  });
});
