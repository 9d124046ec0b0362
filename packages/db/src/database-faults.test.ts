import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { testEnv } from './testing/env.ts';
import { createTestDatabase } from './testing/test-database.ts';
import { tenantTransaction } from './tenant-transaction.ts';

// A failover, an admin or a restart terminates the server's backends: connections a request
// holds must fail that request only, never the process, and the pool must replace them.
const onServer = testEnv.TEST_DB_DRIVER !== 'pglite';

async function terminateBackends(database: string) {
  const admin = new pg.Client({ connectionString: testEnv.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
  } finally {
    await admin.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `work` until it succeeds, for at most `ms`: service must resume by itself. */
async function eventually<T>(work: () => Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(200);
    }
  }
}

describe.skipIf(!onServer)('database faults on a pooled server connection', () => {
  let database: Database;
  let name: string;
  beforeAll(async () => {
    database = await createTestDatabase([]);
    const result = await database.owner.execute(sql`select current_database() as name`);
    name = (result.rows[0] as { name: string }).name;
  }, 60_000);
  afterAll(() => database?.close());

  it('a transaction whose connection is terminated between statements fails alone, and the next one succeeds', async () => {
    const held = tenantTransaction(database, { tenantId: 'a' }, async (tx) => {
      await tx.execute(sql`select 1`);
      // The connection is checked out and idle here when its backend is terminated.
      await terminateBackends(name);
      await sleep(500);
      await tx.execute(sql`select 2`);
    });
    await expect(held).rejects.toThrow();
    const value = await eventually(() => tenantTransaction(database, { tenantId: 'a' }, async (tx) => (await tx.execute(sql`select 3 as n`)).rows[0]));
    expect(value).toEqual({ n: 3 });
  }, 60_000);

  it('transactions terminated mid-query fail with a connection error, and the pool serves the next ones', async () => {
    const running = Array.from({ length: 10 }, () =>
      tenantTransaction(database, { tenantId: 'a' }, (tx) => tx.execute(sql`select pg_sleep(3)`)).then(
        () => 'done',
        (error: Error) => error,
      ),
    );
    await sleep(1000);
    await terminateBackends(name);
    const outcomes = await Promise.all(running);
    for (const outcome of outcomes) if (outcome !== 'done') expect(outcome).toBeInstanceOf(Error);
    const values = await eventually(() =>
      Promise.all(Array.from({ length: 10 }, (_, i) => tenantTransaction(database, { tenantId: 'a' }, async (tx) => (await tx.execute(sql`select ${i}::int as n`)).rows[0]))),
    );
    expect(values).toHaveLength(10);
  }, 60_000);
});
