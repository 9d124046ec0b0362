import { sql } from 'drizzle-orm';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ROLE, type Database } from './database.ts';
import { openDatabase } from './open-database.ts';
import { selectRows } from './select-rows.ts';
import { tenantTransaction } from './tenant-transaction.ts';
import { testEnv } from './testing/env.ts';
import { createTestDatabase } from './testing/test-database.ts';

// `asyncCommit` is the outbox relay's pools' (open-database.ts): their commits do not wait for
// the disk. Requests' commits must still wait: a member's report is durable when answered.
const onServer = testEnv.TEST_DB_DRIVER !== 'pglite';

describe.skipIf(!onServer)('asyncCommit', () => {
  let requests: Database;
  let relay: Database;
  beforeAll(async () => {
    requests = await createTestDatabase([]);
    const [row] = await selectRows<{ name: string }>(requests.owner, sql`select current_database() as name`);
    const url = new URL(testEnv.DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    relay = await openDatabase({
      url: url.toString(), driver: testEnv.TEST_DB_DRIVER === 'pg' ? 'pg' : 'neon', neonWsProxy: testEnv.NEON_WS_PROXY, webSocket: ws, asyncCommit: true,
    });
  }, 60_000);
  afterAll(async () => {
    await relay?.close();
    await requests?.close();
  });

  const setting = async (database: Database, system: boolean) => {
    const show = sql`select current_setting('synchronous_commit') as value, current_user as who`;
    const [row] = system
      ? await selectRows<{ value: string; who: string }>(database.system, show)
      : await tenantTransaction(database, { tenantId: 't1', tenantWide: true }, (tx) => selectRows<{ value: string; who: string }>(tx, show), 'write');
    return row!;
  };

  it('the relay’s pools commit without waiting for the disk, in tenant transactions and as the system role', async () => {
    expect((await setting(relay, false)).value).toBe('off');
    const system = await setting(relay, true);
    expect(system).toEqual({ value: 'off', who: SYSTEM_ROLE });
  });

  it('a database opened without it (the requests’) waits for the disk as the server is set', async () => {
    expect((await setting(requests, false)).value).toBe('on');
    expect((await setting(requests, true)).value).toBe('on');
  });
});
