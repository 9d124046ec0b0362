import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { ACCESS_COOKIE, generateAccessKeys, mintAccessToken, type AccessKeys, type RoleGrant } from '@tongxin/auth';
import type { Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { migrations } from '@tongxin/roster';
import { proxyAddressOf, startWsProxy, type WsProxy } from '@tongxin/ws-proxy';
import { sql } from 'drizzle-orm';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWorker, NODE_ONLY_MODULES, type WorkerBundle } from './bundle-worker.ts';
import { seedRoster } from '../../../services/roster/src/testing/roster-fixture.ts';

/**
 * "Each service's Hono app runs on an edge runtime", as a test: roster's Worker entry is
 * bundled the way a Workers deploy bundles it and run in workerd (Miniflare), reaching a fresh
 * PostgreSQL database through the Neon driver and our WebSocket proxy.
 */

let rosterBundle: Promise<WorkerBundle> | undefined;
const rosterWorker = () => (rosterBundle ??= bundleWorker(fileURLToPath(new URL('./roster-worker.ts', import.meta.url))));

describe('roster worker bundle', () => {
  it('has no static import: PGlite, node-postgres, migrations and Node builtins stay out', async () => {
    const bundle = await rosterWorker();
    expect(bundle.imports.filter((i) => i.kind !== 'dynamic-import')).toEqual([]);
    expect(bundle.imports.map((i) => i.path).sort()).toEqual([...NODE_ONLY_MODULES].sort());
    expect(bundle.inputs.filter((i) => /migrat\w*\.[jt]s$|node_modules\/(ws|pg|@electric-sql)\//.test(i))).toEqual([]);
    const gzipped = gzipSync(bundle.code).length;
    console.log(`roster worker bundle: ${(bundle.code.length / 1024).toFixed(0)} KiB, ${(gzipped / 1024).toFixed(0)} KiB gzipped`);
    expect(gzipped).toBeLessThan(3 * 1024 * 1024); // Workers' free-plan limit
  });
});

describe('every service bundles for workerd', () => {
  it.each(['reporting', 'tasks', 'scoring'])('%s has no static import of a Node-only module', async (service) => {
    const bundle = await bundleWorker(fileURLToPath(new URL(`./${service}-worker.ts`, import.meta.url)));
    expect(bundle.imports.filter((i) => i.kind !== 'dynamic-import')).toEqual([]);
  });
});

const enabled = Boolean(process.env.DATABASE_URL) && process.env.TEST_DB_DRIVER === 'neon';

describe.skipIf(!enabled)('roster on an edge runtime (workerd via Miniflare)', () => {
  let database: Database;
  let proxy: WsProxy;
  let mf: Miniflare;
  let keys: AccessKeys;
  let ids: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase([migrations]);
    ({ ids } = await seedRoster(database));
    const { rows } = await database.owner.execute(sql`select current_database() as name`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${rows[0]!.name as string}`;

    proxy = await startWsProxy({ allow: [proxyAddressOf(url.toString())] });
    const generated = await generateAccessKeys();
    keys = generated.keys;

    const bundle = await rosterWorker();
    mf = new Miniflare({
      name: 'roster',
      // The one module a deploy uploads. (`modules: true` with `script` makes Miniflare try to
      // resolve the never-taken dynamic imports of Node-only drivers, and fail.)
      modules: [{ type: 'ESModule', path: 'roster-worker.mjs', contents: bundle.code }],
      compatibilityDate: '2025-09-01',
      compatibilityFlags: ['nodejs_compat'],
      bindings: {
        DATABASE_URL: url.toString(),
        NEON_WS_PROXY: `127.0.0.1:${proxy.port}/v2`,
        ACCESS_PUBLIC_JWK: JSON.stringify(generated.publicJwk),
      },
    });
    await mf.ready;
  });

  afterAll(async () => {
    await mf?.dispose();
    await proxy?.close();
    await database?.close();
  });

  const tokenFor = (tenantId: string, roles: RoleGrant[]) =>
    mintAccessToken(keys, { userId: 'u-edge', tenantId, sessionId: 's-edge', name: 'edge', roles }, new Date());

  it('answers health with a real query in workerd', async () => {
    const response = await mf.dispatchFetch('http://localhost/api/roster/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ service: 'roster', ok: true, db: 'postgres' });
  });

  it("a department's token reads its tenant's counts through RLS", async () => {
    const token = await tokenFor('yx', [{ role: 'department' }]);
    const response = await mf.dispatchFetch('http://localhost/api/roster/trpc/orgs.counts', { headers: { cookie: `${ACCESS_COOKIE}=${token}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.result.data).toEqual({ members: 5, mobileMembers: 2, branches: 3, flowOrgs: 2 });

    const other = await tokenFor('rc', [{ role: 'department' }]);
    const rc = await mf.dispatchFetch('http://localhost/api/roster/trpc/orgs.counts', { headers: { cookie: `${ACCESS_COOKIE}=${other}` } });
    expect(((await rc.json()) as any).result.data).toEqual({ members: 1, mobileMembers: 0, branches: 1, flowOrgs: 0 });
  });

  it("a member's token is FORBIDDEN", async () => {
    const token = await tokenFor('yx', [{ role: 'member', orgId: ids.yongshui! }]);
    const response = await mf.dispatchFetch('http://localhost/api/roster/trpc/orgs.counts', { headers: { cookie: `${ACCESS_COOKIE}=${token}` } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as any).error.data.code).toBe('FORBIDDEN');
  });

  it('without a token is UNAUTHORIZED', async () => {
    const response = await mf.dispatchFetch('http://localhost/api/roster/trpc/orgs.counts');
    expect(response.status).toBe(401);
  });
});
