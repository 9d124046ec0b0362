import { isTopic, parsePayload, TOPICS } from '@tongxin/events';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, createTasksHarness, key, member, people, publish, secretaryOf, trpc } from './testing/tasks-fixture.ts';

// The SQL functions that write tasks' events (take_place, release_place, submit_completion
// of a study task, drizzle/0009) build their payloads with jsonb_build_object, out of
// TypeScript's sight: each is driven here and what it wrote is parsed with the topic's
// schema (@tongxin/events), as consumers parse it.

let h: ServiceHarness;
beforeAll(async () => {
  h = await createTasksHarness();
});
afterAll(() => h.close());

const outbox = async () =>
  (await h.database.owner.execute(sql`select topic, payload from tasks.outbox order by created_at, id`)).rows as { topic: string; payload: unknown }[];

describe('the events tasks\' SQL functions write', () => {
  beforeAll(async () => {
    const oranges = await publish(h, secretaryOf('yongshui'), { quota: null });
    const claimed = await claim(h, people.lihua, oranges);
    expect(claimed.error).toBeNull();
    expect((await h.mutate(trpc('claims.withdraw'), { as: member(people.lihua), input: { claimId: claimed.data.claimId } })).error).toBeNull();

    const study = await publish(h, secretaryOf('yongshui'), {
      quota: null, kind: 'study', title: '学习：乡村振兴政策', target: null, points: 0, study: { format: 'link', body: null, url: 'https://www.gov.cn/zhengce/' },
    });
    const studying = await claim(h, people.lihua, study);
    const submitted = await h.mutate(trpc('completions.submit'), {
      as: member(people.lihua), input: { claimId: studying.data.claimId, note: null, amount: null, photoIds: [], response: null, idempotencyKey: key('submit') },
    });
    expect(submitted.data).toMatchObject({ status: 'approved' });
  });

  it('each parses with its topic\'s schema: tasks.claimed, tasks.claim_withdrawn, tasks.completion_approved', async () => {
    const rows = await outbox();
    expect(new Set(rows.map((r) => r.topic))).toEqual(new Set([TOPICS.tasks.claimed, TOPICS.tasks.claimWithdrawn, TOPICS.tasks.completionApproved]));
    for (const { topic, payload } of rows) {
      if (!isTopic(topic)) expect.fail(`${topic} has no schema in @tongxin/events`);
      // Parsed as a consumer parses it, and nothing the function wrote is left out of the contract.
      expect(parsePayload(topic, payload), topic).toEqual(payload);
    }
  });

  it('a payload that drifts from the contract is refused (the check above can fail)', async () => {
    const [row] = (await outbox()).filter((r) => r.topic === TOPICS.tasks.claimed) as { payload: Record<string, unknown> }[];
    const { claimedAt: _dropped, ...withoutTime } = row!.payload;
    expect(() => parsePayload(TOPICS.tasks.claimed, withoutTime)).toThrow(/claimedAt/);
    expect(() => parsePayload(TOPICS.tasks.claimed, { ...row!.payload, memberId: 7 })).toThrow(/memberId/);
  });
});
