import { chinaMonth } from '@tongxin/calendar';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCESS_COOKIE, generateAccessKeys, mintAccessToken, type AccessKeys } from '@tongxin/auth';
import pg from 'pg';
import { createHttpGetter } from './http-client.ts';
import { describe, measure } from './measure.ts';
import type { ScenarioResult } from './scenario-me.ts';
import { freshDatabase, profileFlags, seedBenchmarkCounty, waitForRelay } from './server.ts';

// What both monthly-report scenarios need: the 10,000-member benchmark county with a user
// account per member, Tongxin started with signing keys this process holds, and a POST
// client. Logging 10,000 members in would cost 10,000 argon2id verifications (~20 ms of
// server CPU each, minutes in all) and measure identity, not reporting; instead the bench
// writes identity's key pair into the server's data folder before it starts (as a
// deployment provides its own keys) and mints each member's 60-second access token itself,
// exactly as identity's auth.refresh would. The reporting side verifies every token as usual.

export const MEMBERS = 10_000;
export const TENANT = `bench${MEMBERS}`;

export interface BenchMember {
  memberId: string;
  userId: string;
  branchId: string;
  name: string;
}

/** A fresh database seeded with the benchmark county, and a user account for every member. */
export async function prepareCounty(adminUrl: string, name: string, log: (line: string) => void): Promise<{ databaseUrl: string; members: BenchMember[] }> {
  const databaseUrl = await freshDatabase(adminUrl, name);
  const started = performance.now();
  await seedBenchmarkCounty(databaseUrl, MEMBERS);
  log(`seeded the demo and a ${MEMBERS}-member county in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    const t0 = performance.now();
    // Accounts (no password: nobody logs in with them) for members without one, linked on
    // both rosters: roster's member and reporting's copy, which maps a caller to a member.
    await owner.query('begin');
    await owner.query(
      `with made as (
         insert into identity.users (tenant_id, username, display_name)
         select tenant_id, 'bench-' || id, name from roster.members where tenant_id = $1 and user_id is null
         returning id, username)
       update roster.members m set user_id = made.id::text from made where m.tenant_id = $1 and made.username = 'bench-' || m.id`,
      [TENANT],
    );
    // Every service's copy of the members maps a caller to a member (reporting, tasks, scoring).
    for (const copy of ['reporting.members', 'tasks.members', 'scoring.members']) {
      await owner.query(
        `update ${copy} r set user_id = m.user_id from roster.members m
         where r.tenant_id = $1 and m.tenant_id = r.tenant_id and m.id = r.member_id and r.user_id is distinct from m.user_id`,
        [TENANT],
      );
    }
    await owner.query('commit');
    await owner.query('analyze');
    // The county's seeded members, without the demo accounts' own records.
    const result = await owner.query(
      `select member_id as "memberId", user_id as "userId", branch_id as "branchId", name from reporting.members
       where tenant_id = $1 and user_id in (select id::text from identity.users where tenant_id = $1 and username like 'bench-%')
       order by member_id`,
      [TENANT],
    );
    log(`linked ${result.rows.length} members to user accounts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { databaseUrl, members: result.rows as BenchMember[] };
  } finally {
    await owner.end();
  }
}

const start = fileURLToPath(new URL('../../runner/src/start.ts', import.meta.url));

/** Tongxin as `npm start` runs it, with identity's key pair written by this process first. */
export async function startWithKeys(databaseUrl: string, driver: 'pg' | 'neon', port: number): Promise<{ base: string; keys: AccessKeys; stop(): void }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tongxin-bench-report-'));
  const { keys, publicJwk, privateJwk } = await generateAccessKeys();
  await writeFile(join(dataDir, 'access-keys.json'), JSON.stringify({ publicJwk, privateJwk }), { mode: 0o600 });
  const child: ChildProcess = spawn(process.execPath, [...profileFlags(), '--import', 'tsx', start], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_DRIVER: driver, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('Tongxin exited during start-up');
    const ok = await fetch(`${base}/api/reporting/health`).then((r) => r.ok, () => false);
    if (ok) {
      await waitForRelay(databaseUrl);
      return { base, keys, stop: () => child.kill('SIGTERM') };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error('Tongxin did not answer within 300 s');
}

/** Access-token cookies per member, minted as identity would and reused until 10 s before expiry. */
export function createTokens(keys: AccessKeys) {
  const cache = new Map<string, { cookie: string; until: number }>();
  const cookieFor = async (m: BenchMember): Promise<string> => {
    const hit = cache.get(m.userId);
    if (hit && hit.until > Date.now()) return hit.cookie;
    const token = await mintAccessToken(keys, { userId: m.userId, tenantId: TENANT, sessionId: `bench-${m.userId}`, name: m.name, roles: [{ role: 'member', orgId: m.branchId }] }, new Date());
    const cookie = `${ACCESS_COOKIE}=${token}`;
    cache.set(m.userId, { cookie, until: Date.now() + 50_000 });
    return cookie;
  };
  /** Mints ahead for the members about to call, so the measured loop does not sign. */
  const warm = async (members: BenchMember[]) => {
    for (const m of members) await cookieFor(m);
  };
  return { cookieFor, warm };
}

/** A keep-alive JSON POST with node:http (see http-client.ts: cheaper per request than fetch). */
export function createHttpPoster(base: string, concurrency: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const post = (path: string, body: unknown, cookie: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const data = JSON.stringify(body);
      const request = http.request(base + path, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), 'x-tongxin-request': '1', cookie },
      }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      request.on('error', reject);
      request.end(data);
    });
  return { post, close: () => agent.destroy() };
}

/** This month in China time, the one period always open for reports. */
export function currentPeriod(now = new Date()): string {
  return chinaMonth(now);
}

/** What a member writes: realistic length, different per member. */
export function reportInput(m: BenchMember, period: string, idempotencyKey: string) {
  return {
    period,
    summary: `${m.name}：本月在深圳家具厂上班，参加了流动党支部主题党日，帮村里联系销售冰糖橙。`,
    ledgerChange: 'unchanged',
    study: '学习党的二十届四中全会精神',
    idempotencyKey,
  };
}

export const SUBMIT_PATH = '/api/reporting/trpc/monthlyReports.submit';

/**
 * A member's app reads before it writes, so the server has verified each member's access
 * token once before the measured call (as it does once per token per 60 s): the next
 * members' tokens are minted and read with (`readPath`) outside the measured loop.
 */
export function createWarmer(base: string, tokens: ReturnType<typeof createTokens>, readPath: string) {
  const reader = createHttpGetter(base, 8);
  const warm = async (ahead: BenchMember[]) => {
    await tokens.warm(ahead);
    for (let i = 0; i < ahead.length; i += 8) {
      await Promise.all(ahead.slice(i, i + 8).map(async (m) => {
        if ((await reader.get(readPath, { cookie: await tokens.cookieFor(m) })) !== 200) throw new Error(`${readPath} failed`);
      }));
    }
  };
  return { warm, close: () => reader.close() };
}

/**
 * The write scenarios' comparison: a warm-up of each side, then at concurrency 1 and 8 the
 * full stack and the raw statements one after the other, the members warmed before each.
 */
export async function measureWrites(
  options: { driver: string; durationMs: number; log: (line: string) => void },
  sides: { full: () => Promise<void>; raw: () => Promise<void>; warmAhead: () => Promise<void> },
): Promise<ScenarioResult> {
  await sides.warmAhead();
  await measure(sides.full, 8, 1000);
  await measure(sides.raw, 8, 1000);
  const result: ScenarioResult = { full: [], raw: [] };
  for (const concurrency of [1, 8]) {
    await sides.warmAhead();
    const full = await measure(sides.full, concurrency, options.durationMs);
    const straight = await measure(sides.raw, concurrency, options.durationMs);
    options.log(describe(`full stack (${options.driver})`, full));
    options.log(describe('raw pg statements', straight));
    result.full.push(full);
    result.raw.push(straight);
  }
  return result;
}
