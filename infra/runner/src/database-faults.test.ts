import { ACCESS_COOKIE } from '@tongxin/auth';
import { sql } from 'drizzle-orm';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { createServiceHarness } from '@tongxin/trpc/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformApp } from './platform-app.ts';
import { serviceMigrations } from './services.ts';

// A failover, an admin or a restart terminates PostgreSQL's backends while requests run; a
// database may also refuse connections for a while. The Node process must live through
// both: in-flight requests answer 503, the pool replaces its connections, and service
// resumes by itself. Only a server has backends to terminate: skipped on PGlite.
const driver = process.env.TEST_DB_DRIVER ?? 'pglite';
const adminUrl = process.env.DATABASE_URL;
const department = { tenantId: '431023', roles: [{ role: 'department' as const }] };
const countsPath = '/api/roster/trpc/orgs.counts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function admin(statement: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement, values);
  } finally {
    await client.end();
  }
}

const terminateBackends = (name: string) =>
  admin('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);

describe.skipIf(driver === 'pglite')(`database faults on PostgreSQL (${driver} driver)`, () => {
  let h: ServiceHarness;
  let name: string;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  /** Asks until a request succeeds: a generous bound, for a loaded two-core machine. */
  async function recovered(ms = 30_000) {
    const deadline = Date.now() + ms;
    for (;;) {
      const result = await h.query(countsPath, { as: department });
      if (result.status === 200 || Date.now() > deadline) return result;
      await sleep(250);
    }
  }

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    h = await createServiceHarness(createPlatformApp(), serviceMigrations);
    // A photo store that holds nothing: the photo's row is looked up in the database first.
    h.deps.blobs = { put: async () => undefined, get: async () => null, delete: async () => undefined };
    name = ((await h.database.owner.execute(sql`select current_database() as name`)).rows[0] as { name: string }).name;
  }, 180_000);
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    if (name) await admin(`alter database ${name} allow_connections true`).catch(() => undefined);
    await h?.close().catch(() => undefined);
  }, 60_000);

  it('requests in flight when the backends are terminated answer 503 or succeed, the process lives, and service resumes by itself', async () => {
    expect((await h.query(countsPath, { as: department })).status).toBe(200);
    // Ten clients ask again and again; the backends are terminated twice while they do.
    let running = true;
    const statuses: number[] = [];
    const codes = new Set<string>();
    const clients = Array.from({ length: 10 }, async () => {
      while (running) {
        const result = await h.query(countsPath, { as: department });
        statuses.push(result.status);
        if (result.error) codes.add(result.error.code);
      }
    });
    await sleep(300);
    await terminateBackends(name);
    await sleep(300);
    await terminateBackends(name);
    await sleep(300);
    running = false;
    await Promise.all(clients);

    expect(uncaught).toEqual([]);
    expect(statuses.length).toBeGreaterThan(10);
    expect(new Set(statuses.filter((status) => status !== 200 && status !== 503))).toEqual(new Set());
    expect([...codes].filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    const after = await recovered();
    expect(after.status).toBe(200);
    expect(uncaught).toEqual([]);
  }, 120_000);

  it('while the database does not accept connections, requests answer 503, and succeed again once it does', async () => {
    await admin(`alter database ${name} allow_connections false`);
    try {
      // Connections already open stay open: end them, so every request must connect anew.
      await terminateBackends(name);
      for (let i = 0; i < 3; i++) {
        const refused = await h.query(countsPath, { as: department });
        expect(refused.status).toBe(503);
        expect(refused.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable: try again shortly' });
      }
      expect((await h.request('/api/roster/health')).status).toBe(503);
      // A plain route beside tRPC, reading an evidence photo's row, answers the same.
      const photo = await h.request('/api/tasks/evidence/00000000-0000-4000-8000-000000000000', {
        headers: { cookie: `${ACCESS_COOKIE}=${await h.tokenFor({ tenantId: '431023', roles: [{ role: 'member', orgId: 'o1' }] })}` },
      });
      expect(photo.status).toBe(503);
    } finally {
      await admin(`alter database ${name} allow_connections true`);
    }
    expect((await recovered()).status).toBe(200);
    expect(uncaught).toEqual([]);
  }, 120_000);
});
