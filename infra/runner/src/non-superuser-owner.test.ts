import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { CSRF_HEADER, generateAccessKeys, SESSION_COOKIE, ACCESS_COOKIE } from '@tongxin/auth';
import { migrateAll, openDatabase, SYSTEM_ROLE, SystemRoleMissing, tenantTransaction, type Database } from '@tongxin/db';
import { testEnv } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ws from 'ws';
import { createPlatformApp } from './platform-app.ts';
import { relayAll } from './relays.ts';
import { RUCHENG, YONGXING } from './seed/county-plan.ts';
import { DEMO_PASSWORD } from './seed/demo-accounts.ts';
import { seedCounty } from './seed/seed-county.ts';
import { seedDemoTasks } from './seed/seed-tasks.ts';
import { serviceMigrations } from './services.ts';

// A deployment whose migrations' owner is not a superuser, as on Neon (issue 13, Also):
// forced RLS binds such an owner, so everything that works across tenants (the outbox relay,
// seeding, the SECURITY DEFINER claim functions) must run as `tongxin_system`. Provisioned
// the way a platform does it: an administrator makes a LOGIN role with CREATEROLE but no
// superuser and no BYPASSRLS, lets it act as tongxin_system, and gives it a database. Only a
// server has roles to make: skipped on PGlite.
const driver = testEnv.TEST_DB_DRIVER;
const adminUrl = testEnv.DATABASE_URL;
const suffix = randomBytes(5).toString('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function admin<T = Record<string, unknown>>(statement: string, database?: string): Promise<T[]> {
  const url = new URL(adminUrl!);
  if (database) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(statement)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A login role and a database it owns, reached through the driver under test as that role. */
async function provision(owner: string, options: { createRole: boolean; systemMember: boolean }) {
  // Once per cluster, as the administrator would (a duplicate from a parallel run is fine).
  await admin(`do $$ begin create role ${SYSTEM_ROLE} nologin nosuperuser bypassrls;
    exception when duplicate_object or unique_violation then null; end $$`);
  await admin(`create role ${owner} login nosuperuser nobypassrls ${options.createRole ? 'createrole' : 'nocreaterole'}`);
  if (options.systemMember) await admin(`grant ${SYSTEM_ROLE} to ${owner}`);
  await admin(`create database ${owner} owner ${owner}`);
  return openAs(owner);
}

function openAs(owner: string) {
  const url = new URL(adminUrl!);
  url.username = owner;
  url.password = '';
  url.pathname = `/${owner}`;
  return openDatabase({ url: url.toString(), driver: driver === 'pg' ? 'pg' : 'neon', neonWsProxy: testEnv.NEON_WS_PROXY, webSocket: ws });
}

async function dropOwner(owner: string, database: Database | undefined) {
  await database?.close().catch(() => undefined);
  // The pools' sockets may close after end() resolves; a forced drop would kill them.
  for (let i = 0; i < 50; i++) {
    const [row] = await admin<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = '${owner}'`);
    if (row!.n === 0) break;
    await sleep(100);
  }
  await admin(`drop database if exists ${owner} with (force)`);
  await admin(`drop owned by ${owner}`).catch(() => undefined);
  await admin(`drop role if exists ${owner}`);
}

describe.skipIf(driver === 'pglite')(`a migrations' owner that is not a superuser (${driver} driver)`, () => {
  const owner = `tongxin_owner_${suffix}`;
  let database: Database;
  let server: ServerType | undefined;
  let base: string;
  const now = new Date();

  beforeAll(async () => {
    database = await provision(owner, { createRole: true, systemMember: true });
    await migrateAll(database, serviceMigrations);
    for (const plan of [YONGXING, RUCHENG]) await seedCounty(database, { ...plan, members: 12 }, () => undefined, now);
    await seedDemoTasks(database, YONGXING.tenantId, now);
    // The real platform app on a port of its own, over this database.
    const { keys } = await generateAccessKeys();
    const deps = { database, keys, now: () => new Date(), secureCookies: false };
    const app = createPlatformApp();
    await new Promise<void>((resolve) => {
      server = serve(
        { fetch: (request, node) => app.fetch(request, { deps, peerAddress: node.incoming.socket?.remoteAddress }), port: 0, hostname: '127.0.0.1' },
        (info: AddressInfo) => {
          base = `http://127.0.0.1:${info.port}`;
          resolve();
        },
      );
    });
  }, 300_000);
  afterAll(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await dropOwner(owner, database);
  }, 60_000);

  const jar: Record<string, string> = {};
  async function call(kind: 'query' | 'mutation', path: string, input?: unknown) {
    const headers: Record<string, string> = { cookie: Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; ') };
    let url = `${base}/api/${path}`;
    const init: RequestInit = { headers };
    if (kind === 'query') {
      if (input !== undefined) url += `?input=${encodeURIComponent(JSON.stringify(input))}`;
    } else {
      Object.assign(headers, { 'content-type': 'application/json', [CSRF_HEADER]: '1' });
      Object.assign(init, { method: 'POST', body: JSON.stringify(input ?? null) });
    }
    const response = await fetch(url, init);
    for (const cookie of response.headers.getSetCookie()) {
      const [name, value] = cookie.split(';')[0]!.split('=') as [string, string];
      if (value) jar[name] = value;
    }
    const body = (await response.json()) as { result?: { data: any }; error?: unknown };
    return { status: response.status, data: body.result?.data, error: body.error };
  }

  it('the owner really is neither a superuser nor bypasses RLS, and the system pool acts as tongxin_system', async () => {
    const [me] = (await database.owner.execute(sql`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`)).rows;
    expect(me).toEqual({ rolsuper: false, rolbypassrls: false });
    expect((await database.system.execute(sql`select current_user as name`)).rows[0]).toEqual({ name: SYSTEM_ROLE });
  });

  it('migrations hand the SECURITY DEFINER functions to tongxin_system and grant the request role, though the owner is not a superuser', async () => {
    const strays = await database.owner.execute(sql`select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname = 'tasks' and pg_get_userbyid(p.proowner) <> ${SYSTEM_ROLE}`);
    expect(strays.rows).toEqual([]);
    const granted = await database.owner.execute(sql`select has_table_privilege('tongxin_app', 'roster.members', 'select') as app,
      pg_has_role(current_user, 'tongxin_app', 'MEMBER') as member`);
    expect(granted.rows[0]).toEqual({ app: true, member: true });
  });

  it('seeding wrote both counties, which the owner itself cannot see through forced RLS', async () => {
    const asSystem = await database.system.execute(sql`select tenant_id, count(*)::int as n from roster.members group by tenant_id order by tenant_id`);
    expect(asSystem.rows.map((r) => r.tenant_id)).toEqual([YONGXING.tenantId, RUCHENG.tenantId].sort());
    const asOwner = await database.owner.execute(sql`select count(*)::int as n from roster.members`);
    expect(asOwner.rows[0]).toEqual({ n: 0 });
  });

  it('a tenant transaction still sees only its own county', async () => {
    const seen = await tenantTransaction(database, { tenantId: YONGXING.tenantId, tenantWide: true }, async (tx) =>
      (await tx.execute(sql`select distinct tenant_id from roster.members`)).rows.map((r) => r.tenant_id),
    );
    expect(seen).toEqual([YONGXING.tenantId]);
  });

  it('over HTTP a member logs in and reads, claims a task through the SECURITY DEFINER function, and the relay carries the claim to scoring', async () => {
    const login = await call('mutation', 'identity/trpc/auth.login', { tenantId: YONGXING.tenantId, username: '13800000001', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(jar[SESSION_COOKIE]).toBeTruthy();
    expect(jar[ACCESS_COOKIE]).toBeTruthy();
    expect((await call('query', 'roster/trpc/members.me')).data.name).toBe('李明');

    const tasks = (await call('query', 'tasks/trpc/tasks.forMe')).data as { id: string; title: string }[];
    const oranges = tasks.find((task) => task.title === '帮村里销售冰糖橙');
    expect(oranges).toBeDefined();
    const claimed = await call('mutation', 'tasks/trpc/claims.claim', { taskId: oranges!.id, idempotencyKey: `non-superuser-${suffix}` });
    expect(claimed.data).toMatchObject({ created: true });
    const taken = await database.system.execute(sql`select claimed_count from tasks.tasks where id = ${oranges!.id}`);
    expect(taken.rows[0]).toEqual({ claimed_count: 1 });

    const [event] = (await database.system.execute(sql`select id from tasks.outbox where topic = 'tasks.claimed'`)).rows as { id: string }[];
    expect(event).toBeDefined();
    expect(await relayAll(database)).toBeGreaterThan(0);
    const scored = await database.system.execute(sql`select count(*)::int as n from scoring.scored_events where event_id = ${event!.id}`);
    expect(scored.rows[0]).toEqual({ n: 1 });
    const left = await database.system.execute(sql`select count(*)::int as n from tasks.outbox where delivered_at is null`);
    expect(left.rows[0]).toEqual({ n: 0 });
  });

  it('a system connection that cannot act as tongxin_system fails instead of running as the owner', async () => {
    const other = await openAs(owner);
    try {
      await admin(`revoke ${SYSTEM_ROLE} from ${owner}`);
      const refused = await other.system.execute(sql`select current_user as name`).then(() => null, (error: Error) => error);
      // drizzle wraps the driver's error: the set role on connect was refused, the query never ran.
      expect(String((refused?.cause as Error | undefined)?.message ?? refused)).toMatch(/permission denied to set role/);
      expect((await other.owner.execute(sql`select current_user as name`)).rows[0]).toEqual({ name: owner });
    } finally {
      await admin(`grant ${SYSTEM_ROLE} to ${owner}`);
      await other.close();
    }
  });
});

describe.skipIf(driver === 'pglite')(`an owner that may not act as tongxin_system (${driver} driver)`, () => {
  const owner = `tongxin_owner_${suffix}_b`;
  let database: Database | undefined;
  afterAll(() => dropOwner(owner, database), 60_000);

  it('start-up stops before migrating and names the two statements an administrator runs', async () => {
    database = await provision(owner, { createRole: false, systemMember: false });
    const refused = await migrateAll(database, serviceMigrations).then(() => null, (error: Error) => error);
    expect(refused).toBeInstanceOf(SystemRoleMissing);
    expect(refused!.message).toContain(`create role ${SYSTEM_ROLE} nologin bypassrls;`);
    expect(refused!.message).toContain(`grant ${SYSTEM_ROLE} to ${owner};`);
    const schemas = await admin(`select nspname from pg_namespace where nspname in (${serviceMigrations.map((m) => `'${m.schema}'`).join(', ')})`, owner);
    expect(schemas).toEqual([]);
  });
});
