import { fileURLToPath } from 'node:url';
import { ACCESS_COOKIE, CSRF_HEADER, SESSION_COOKIE, generateAccessKeys } from '@tongxin/auth';
import type { Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { migrations } from '@tongxin/identity';
import { proxyAddressOf, startWsProxy, type WsProxy } from '@tongxin/ws-proxy';
import { sql } from 'drizzle-orm';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, seedIdentity } from '../../../services/identity/src/testing/identity-fixture.ts';
import { bundleWorker, NODE_ONLY_MODULES } from './bundle-worker.ts';

/**
 * Identity on an edge runtime: its Worker bundle takes the portable argon2id (workerd has no
 * native addons and may not compile WebAssembly at run time), and logs in an account whose
 * password was hashed on Node by the native one.
 */
const identityWorker = bundleWorker(fileURLToPath(new URL('./identity-worker.ts', import.meta.url)));

describe('identity worker bundle', () => {
  it('uses the portable argon2id and no native addon', async () => {
    const bundle = await identityWorker;
    expect(bundle.imports.filter((i) => i.kind !== 'dynamic-import')).toEqual([]);
    expect(bundle.imports.map((i) => i.path).sort()).toEqual([...NODE_ONLY_MODULES].sort());
    expect(bundle.inputs.some((i) => i.endsWith('argon2-portable.ts'))).toBe(true);
    expect(bundle.inputs.filter((i) => /argon2-native|@node-rs/.test(i))).toEqual([]);
  });
});

const enabled = Boolean(process.env.DATABASE_URL) && process.env.TEST_DB_DRIVER === 'neon';

describe.skipIf(!enabled)('identity on an edge runtime (workerd via Miniflare)', () => {
  let database: Database;
  let proxy: WsProxy;
  let mf: Miniflare;

  beforeAll(async () => {
    database = await createTestDatabase([migrations]);
    await seedIdentity(database); // hashed on Node, by @node-rs/argon2
    const { rows } = await database.owner.execute(sql`select current_database() as name`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${rows[0]!.name as string}`;
    proxy = await startWsProxy({ allow: [proxyAddressOf(url.toString())] });
    const { publicJwk, privateJwk } = await generateAccessKeys();
    mf = new Miniflare({
      name: 'identity',
      modules: [{ type: 'ESModule', path: 'identity-worker.mjs', contents: (await identityWorker).code }],
      compatibilityDate: '2025-09-01',
      compatibilityFlags: ['nodejs_compat'],
      bindings: {
        DATABASE_URL: url.toString(),
        NEON_WS_PROXY: `127.0.0.1:${proxy.port}/v2`,
        ACCESS_PUBLIC_JWK: JSON.stringify(publicJwk),
        ACCESS_PRIVATE_JWK: JSON.stringify(privateJwk),
      },
    });
    await mf.ready;
  });

  afterAll(async () => {
    await mf?.dispose();
    await proxy?.close();
    await database?.close();
  });

  const login = (password: string, headers: Record<string, string> = {}) =>
    mf.dispatchFetch('http://localhost/api/identity/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', ...headers },
      body: JSON.stringify({ tenantId: 'yx', username: '13800000001', password }),
    });

  it('logs a member in with a password hashed on Node, and sets both cookies', async () => {
    const response = await login(PASSWORD);
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).result.data.user.name).toBe('李明');
    const cookies = response.headers.getSetCookie().join('\n');
    expect(cookies).toContain(`${SESSION_COOKIE}=yx.`);
    expect(cookies).toContain(`${ACCESS_COOKIE}=`);
  });

  it('refuses a wrong password', async () => {
    const response = await login('not-the-password');
    expect(response.status).toBe(401);
  });

  it("audits and throttles the address Cloudflare vouches for (CF-Connecting-IP), not the client's X-Forwarded-For", async () => {
    expect((await login('not-the-password', { 'cf-connecting-ip': '203.0.113.7', 'x-forwarded-for': '198.51.100.66' })).status).toBe(401);
    const { rows } = await database.owner.execute(sql`select ip from identity.audit_events where kind = 'login_failed' order by at desc limit 1`);
    expect(rows[0]!.ip).toBe('203.0.113.7');
    const keys = await database.owner.execute(sql`select key from identity.throttles where key like '%198.51.100.66%'`);
    expect(keys.rows).toEqual([]);
  });
});
