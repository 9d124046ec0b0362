import type { RoleGrant } from '@tongxin/auth';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayOnce } from './relays.ts';
import { requestsFirst } from './requests-first.ts';
import { createPlatformHarness } from './testing/platform-harness.ts';

// Issue 18: right after a first `npm start` the login page took 20 s, queued behind the relay
// on PGlite's one connection. Background work there waits its turn behind the requests.

/** A request being answered until `finish` is called. */
function openRequest(requests: ReturnType<typeof requestsFirst>) {
  let finish!: () => void;
  const answered = requests.track(() => new Promise<void>((resolve) => (finish = resolve)));
  return { finish: () => (finish(), answered) };
}

describe('background work waits its turn behind requests', () => {
  it('with no request being answered, the turn comes after one pass of the event loop', async () => {
    const requests = requestsFirst({ maxWaitMs: 60_000 });
    const started = Date.now();
    await requests.turn();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('while a request is being answered the turn waits, and comes as soon as the answer is ready', async () => {
    const requests = requestsFirst({ maxWaitMs: 60_000 });
    const request = openRequest(requests);
    expect(requests.inFlight()).toBe(1);
    let turned = false;
    const turn = requests.turn().then(() => (turned = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(turned).toBe(false);
    await request.finish();
    await turn;
    expect(requests.inFlight()).toBe(0);
  });

  it('a steady stream of requests slows the background down but never stops it', async () => {
    const requests = requestsFirst({ maxWaitMs: 20, sliceMs: 0 });
    const request = openRequest(requests);
    const started = Date.now();
    await requests.turn();
    await requests.turn();
    expect(Date.now() - started).toBeLessThan(5_000);
    await request.finish();
  });

  it('steps within one slice go back to back; the next slice waits its turn', async () => {
    const requests = requestsFirst({ maxWaitMs: 60_000, sliceMs: 200 });
    await requests.turn(); // starts a slice
    const request = openRequest(requests);
    await requests.turn(); // within it: no wait although a request is in flight
    await new Promise((resolve) => setTimeout(resolve, 250));
    let turned = false;
    const next = requests.turn().then(() => (turned = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(turned).toBe(false);
    await request.finish();
    await next;
  });

  it('a request that fails still ends its turn', async () => {
    const requests = requestsFirst({ maxWaitMs: 60_000 });
    await expect(requests.track(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(requests.inFlight()).toBe(0);
  });
});

describe('the relay in turns (PGlite)', () => {
  let h: ServiceHarness;
  beforeAll(async () => {
    h = await createPlatformHarness({ members: 5 });
    // Events waiting in the outbox, as the seed leaves them at a first start: members created.
    const township = (await h.database.owner.execute(sql`select id from roster.orgs where tenant_id = '431023' and kind = 'township' order by name limit 1`)).rows[0]!;
    const branch = (await h.database.owner.execute(sql`select id from roster.orgs where tenant_id = '431023' and kind = 'branch' and parent_id = ${township.id} limit 1`)).rows[0]!;
    const secretary = { tenantId: '431023', userId: 'sec', roles: [{ role: 'secretary', orgId: township.id as string }] as RoleGrant[] };
    for (const [i, name] of ['谢永红', '李春梅', '王建华'].entries()) {
      await h.mutate('/api/roster/trpc/members.create', {
        as: secretary,
        input: { branchId: branch.id, name, status: 'mobile', destinationCity: '福州', idempotencyKey: `requests-first-000${i}` },
      });
    }
  });
  afterAll(() => h.close());

  const waiting = async () => {
    let total = 0;
    for (const outbox of ['identity', 'roster', 'reporting', 'tasks']) {
      const rows = await h.database.owner.execute(sql`select count(*)::int as n from ${sql.identifier(outbox)}.outbox where delivered_at is null`);
      total += Number(rows.rows[0]!.n);
    }
    return total;
  };

  it('delivers nothing while a request is being answered, then everything once it is', async () => {
    const before = await waiting();
    expect(before).toBeGreaterThan(0);
    const requests = requestsFirst({ maxWaitMs: 60_000 });
    const request = openRequest(requests);
    let delivered: number | undefined;
    const relayed = relayOnce(h.database, 1_000, requests.turn).then((n) => (delivered = n));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(delivered).toBeUndefined();
    expect(await waiting()).toBe(before);
    await request.finish();
    await relayed;
    expect(delivered).toBe(before);
    expect(await waiting()).toBe(0);
  });
});
