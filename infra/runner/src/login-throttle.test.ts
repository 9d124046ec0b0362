import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { CSRF_HEADER, generateAccessKeys } from '@tongxin/auth';
import type { Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeApp } from './node-app.ts';
import { serviceMigrations } from './services.ts';

// Issue 13, class E: thirty usernames from one client got thirty 401s and no 429. Here the
// Node host runs as `npm start` runs it, on a port, over a real socket: the client address is
// the socket peer, and X-Forwarded-For is believed only from TRUSTED_PROXIES. The test plays
// a reverse proxy on 127.0.0.1 (trusted), which names each client in X-Forwarded-For, and a
// client connecting straight from 127.0.0.2 (not trusted), which forges the header.
const PROXY = '127.0.0.1';
const DIRECT = '127.0.0.2';
const COUNTY = '431023';

let database: Database;
let server: ServerType | undefined;
let port: number;
const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-login-throttle-'));

beforeAll(async () => {
  database = await createTestDatabase(serviceMigrations);
  await database.system.execute(sql`insert into identity.tenants (id, name) values (${COUNTY}, '永兴县')`);
  const { keys } = await generateAccessKeys();
  const deps = { database, keys, trustedProxies: [PROXY], now: () => new Date(), secureCookies: false };
  const app = createNodeApp({ dataDir });
  await new Promise<void>((resolve) => {
    server = serve(
      { fetch: (request, node) => app.fetch(request, { deps, peerAddress: node.incoming.socket?.remoteAddress }), port: 0, hostname: PROXY },
      (info: AddressInfo) => {
        port = info.port;
        resolve();
      },
    );
  });
}, 180_000);
afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

interface From {
  /** The socket's own address: PROXY (trusted) or DIRECT (not). */
  localAddress: string;
  /** What the request says in X-Forwarded-For. */
  forwardedFor?: string;
}

/** One tRPC call over HTTP from `from`; answers the status and the tRPC error code. */
function call(kind: 'query' | 'mutation', procedure: string, input: unknown, from: From): Promise<{ status: number; code: string | null }> {
  const body = kind === 'mutation' ? JSON.stringify(input) : undefined;
  const path = `/api/identity/trpc/${procedure}${kind === 'query' ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ''}`;
  const headers: Record<string, string> = { [CSRF_HEADER]: '1' };
  if (body) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  if (from.forwardedFor) headers['x-forwarded-for'] = from.forwardedFor;
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: PROXY, port, path, method: kind === 'mutation' ? 'POST' : 'GET', headers, localAddress: from.localAddress, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const parsed = JSON.parse(text) as { error?: { data?: { code?: string } } };
        resolve({ status: response.statusCode ?? 0, code: parsed.error?.data?.code ?? null });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

const viaProxy = (client: string): From => ({ localAddress: PROXY, forwardedFor: client });
const login = (username: string, from: From) => call('mutation', 'auth.login', { tenantId: COUNTY, username, password: 'wrong-password-1' }, from);
const phone = (n: number) => `139${String(n).padStart(8, '0')}`;

/** The statuses of `attempts` sent one after another (a client trying its list). */
async function inTurn(attempts: number, send: (i: number) => Promise<{ status: number }>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < attempts; i++) statuses.push((await send(i)).status);
  return statuses;
}

/** Only 401 until the first 429, which comes before the last attempt, and 429 from then on. */
function expectSlowedDown(statuses: number[], refused = 401) {
  const first = statuses.indexOf(429);
  expect(first, `statuses: ${statuses.join(' ')}`).toBeGreaterThan(0);
  expect(first).toBeLessThan(statuses.length - 1);
  expect(new Set(statuses.slice(0, first))).toEqual(new Set([refused]));
  expect(new Set(statuses.slice(first))).toEqual(new Set([429]));
}

describe('failed logins from one client over HTTP (issue 13, class E)', () => {
  it('thirty different usernames from one client: 429 (TOO_MANY_REQUESTS) comes before the thirtieth', async () => {
    const statuses = await inTurn(30, (i) => login(phone(1000 + i), viaProxy('203.0.113.10')));
    expectSlowedDown(statuses);
    expect((await login(phone(1999), viaProxy('203.0.113.10'))).code).toBe('TOO_MANY_REQUESTS');
  }, 120_000);

  it('another client behind the same trusted proxy is not blocked', async () => {
    const other = await login(phone(2000), viaProxy('203.0.113.20'));
    expect(other).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    // The proxy's own chain: the right-most hop that is not a trusted proxy is the client.
    expect((await login(phone(2001), viaProxy('203.0.113.10, 203.0.113.21'))).status).toBe(401);
    expect((await login(phone(2002), viaProxy('203.0.113.21, 203.0.113.10'))).status).toBe(429);
  }, 60_000);

  it('a client that is not a trusted proxy cannot escape the limit with a forged X-Forwarded-For', async () => {
    // Each attempt names a fresh address; the socket's own address is what counts.
    const statuses = await inTurn(30, (i) => login(phone(3000 + i), { localAddress: DIRECT, forwardedFor: `198.51.100.${i + 1}` }));
    expectSlowedDown(statuses);
    expect((await login(phone(3999), { localAddress: DIRECT, forwardedFor: '203.0.113.99' })).status).toBe(429);
    expect((await login(phone(3998), { localAddress: DIRECT })).status).toBe(429);
    // Its forgeries did not count against the addresses it named, and the audit trail has the address seen.
    expect((await login(phone(3997), viaProxy('198.51.100.1'))).status).toBe(401);
    const audited = await database.system.execute(sql`select distinct ip from identity.audit_events where tenant_id = ${COUNTY} and username in (${phone(3000)}, ${phone(3999)}, ${phone(3997)}) order by ip`);
    expect(audited.rows).toEqual([{ ip: '127.0.0.2' }, { ip: '198.51.100.1' }]);
  }, 120_000);
});

describe('wrong activation and reset codes from one client over HTTP (issue 13, class E)', () => {
  it('wrong activation codes are slowed per client (a looser limit: a branch meeting shares one address); another client is not', async () => {
    const code = (i: number) => `WRONG${String(i).padStart(4, '0')}`;
    const statuses = await inTurn(300, (i) => call('query', 'activation.check', { tenantId: COUNTY, code: code(i) }, viaProxy('203.0.113.30')));
    expectSlowedDown(statuses, 404);
    expect((await call('query', 'activation.check', { tenantId: COUNTY, code: code(999) }, { localAddress: DIRECT, forwardedFor: '203.0.113.30' })).status).toBe(404);
    expect((await call('query', 'activation.check', { tenantId: COUNTY, code: code(998) }, viaProxy('203.0.113.31'))).status).toBe(404);
  }, 180_000);

  it('wrong reset codes are slowed per client; another client is not', async () => {
    const reset = (i: number, from: From) =>
      call('mutation', 'passwordReset.complete', { tenantId: COUNTY, phone: phone(4000 + i), code: String(100000 + i), newPassword: 'orange-harvest-42' }, from);
    const statuses = await inTurn(30, (i) => reset(i, viaProxy('203.0.113.40')));
    expectSlowedDown(statuses);
    expect((await reset(99, viaProxy('203.0.113.41'))).status).toBe(401);
  }, 120_000);
});
