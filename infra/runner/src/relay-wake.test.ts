import type { RoleGrant } from '@tongxin/auth';
import { tenantTransaction } from '@tongxin/db';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_CHANNEL, startRelays } from './relays.ts';
import { createPlatformHarness } from './testing/platform-harness.ts';

// Issue 16: a commit that wrote events wakes the relay (each outbox's statement trigger
// notifies at commit) instead of waiting for its poll. PGlite and node-postgres listen; the
// Neon driver has no listening connection and keeps the poll.
let h: ServiceHarness;
const department = { tenantId: '431023', userId: 'dep', roles: [{ role: 'department' }] as RoleGrant[] };
beforeAll(async () => {
  h = await createPlatformHarness({ members: 5 });
});
afterAll(() => h.close());

describe.runIf(process.env.TEST_DB_DRIVER !== 'neon')('the relay woken by commits', () => {
  it('each outbox notifies its name at commit, once per transaction, and never for a rollback', async () => {
    const heard: string[] = [];
    const stop = await h.database.listen!(OUTBOX_CHANNEL, (payload) => heard.push(payload));
    try {
      for (const outbox of ['identity', 'roster', 'reporting', 'tasks']) {
        await tenantTransaction(h.database, { tenantId: '431023', tenantWide: true }, async (tx) => {
          await tx.execute(sql`insert into ${sql.identifier(outbox)}.outbox (tenant_id, topic, payload) values ('431023', 'probe.one', '{}')`);
          await tx.execute(sql`insert into ${sql.identifier(outbox)}.outbox (tenant_id, topic, payload) values ('431023', 'probe.two', '{}')`);
        });
      }
      await expect(
        tenantTransaction(h.database, { tenantId: '431023', tenantWide: true }, async (tx) => {
          await tx.execute(sql`insert into tasks.outbox (tenant_id, topic, payload) values ('431023', 'probe.undone', '{}')`);
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      // A notification after all of them: once it is heard, the ones before it were too.
      await h.database.owner.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, 'end')`);
      await expect.poll(() => heard.at(-1), { timeout: 10_000 }).toBe('end');
      expect(heard).toEqual(['identity', 'roster', 'reporting', 'tasks', 'end']);
    } finally {
      await h.database.owner.execute(sql`delete from tasks.outbox where topic like 'probe.%'`);
      for (const outbox of ['identity', 'roster', 'reporting']) await h.database.owner.execute(sql`delete from ${sql.identifier(outbox)}.outbox where topic like 'probe.%'`);
      await stop();
    }
  });

  it('a member created through the API reaches scoring without waiting for the poll', async () => {
    // A poll that would come only after the test's timeout: what delivers is the wake-up.
    const relays = startRelays(h.database, { polling: 600_000, listening: 600_000 });
    try {
      const count = async () => (await h.query('/api/scoring/trpc/points.memberCount', { as: department })).data.members as number;
      await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(0); // the harness's members, relayed on the first wake
      const before = await count();
      const township = (await h.database.owner.execute(sql`select id from roster.orgs where tenant_id = '431023' and kind = 'township' order by name limit 1`)).rows[0]!;
      const branch = await h.database.owner.execute(sql`select id from roster.orgs where tenant_id = '431023' and kind = 'branch' and parent_id = ${township.id} limit 1`);
      const secretary = { tenantId: '431023', userId: 'sec', roles: [{ role: 'secretary', orgId: township.id as string }] as RoleGrant[] };
      const created = await h.mutate('/api/roster/trpc/members.create', {
        as: secretary,
        input: { branchId: branch.rows[0]!.id, name: '谢永红', status: 'mobile', destinationCity: '福州', idempotencyKey: 'relay-wake-0001' },
      });
      expect(created.data.created).toBe(true);
      await expect.poll(count, { timeout: 10_000 }).toBe(before + 1);
    } finally {
      await relays.stop();
    }
  });
});
