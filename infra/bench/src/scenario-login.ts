import type { ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { hash, verify } from '@node-rs/argon2';
import pg from 'pg';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../runner/src/seed/demo-accounts.ts';
import type { LoopSlice } from './loop-probe.ts';
import { describe, measure, measureAlternating } from './measure.ts';
import { createHttpPoster } from './scenario-report-stack.ts';
import type { ScenarioResult } from './scenario-me.ts';
import { freshDatabase, startTongxin } from './server.ts';

const LOGIN_PATH = '/api/identity/trpc/auth.login';
const SLICE_MS = 1000;
const DATABASE = 'tongxin_bench_login';
const probe = pathToFileURL(new URL('./loop-probe.ts', import.meta.url).pathname).href;

interface Account {
  tenantId: string;
  username: string;
  passwordHash: string;
}

/**
 * `login`: identity's `auth.login` through the whole stack (HTTP, tRPC, zod, two tenant
 * transactions: the county's state, then the client's throttle, the attempt counter, the
 * account, argon2id, the session, the roles and the audit row; the access token signed) against the argon2id
 * verification alone (@node-rs/argon2 `verify` of the same PHC hashes, the call identity's
 * verifyPassword makes), at concurrency 1 and 8, in alternating slices.
 *
 * The accounts are the demo's (seeded by the server's first start), one per concurrent
 * caller, with the right password: each login locks its own account's attempt row till it
 * commits, and no wrong password counts towards a lock (per username or per client). Every
 * login opens a session row; they pile up in this throw-away database.
 *
 * Both sides hash on libuv's thread pool with the same size (UV_THREADPOOL_SIZE, default 4):
 * the server's pool for the full stack, this process's pool for the raw side. The server
 * runs with loop-probe.ts, which reports its event-loop delay during each slice.
 */
export async function runLogin(options: { adminUrl: string; driver: 'pg' | 'neon'; durationMs: number; port: number; log: (line: string) => void }): Promise<ScenarioResult> {
  const databaseUrl = await freshDatabase(options.adminUrl, DATABASE);
  const server = await startTongxin(databaseUrl, options.driver, options.port, probe);
  const client = createHttpPoster(server.base, 8);
  try {
    const accounts = await demoAccounts(databaseUrl);
    if (accounts.length < 8) throw new Error(`the demo seeded ${accounts.length} accounts with a password; concurrency 8 needs 8`);
    options.log(`${accounts.length} demo accounts in counties ${[...new Set(accounts.map((a) => a.tenantId))].join(', ')}; thread pool ${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'} on both sides`);
    const take = accountPool(accounts);
    const meter = sliceMeter(server.child);
    const fullCall = () =>
      take(async (a) => {
        meter.count('full');
        const response = await client.post(LOGIN_PATH, { tenantId: a.tenantId, username: a.username, password: DEMO_PASSWORD }, '');
        if (response.status !== 200) throw new Error(`auth.login answered ${response.status}: ${response.body.slice(0, 200)}`);
        if (!JSON.parse(response.body).result.data.user.id) throw new Error('auth.login answered without a user');
      });
    const rawCall = () =>
      take(async (a) => {
        meter.count('raw');
        if (!(await verify(a.passwordHash, DEMO_PASSWORD))) throw new Error('argon2id refused the demo password');
      });

    // Warm both paths (JIT, connection pools, the thread pools) before measuring.
    await measure(fullCall, 8, 1000);
    await measure(rawCall, 8, 1000);
    const result: ScenarioResult = { full: [], raw: [] };
    let busy: LoopSlice[] = [];
    let rest: LoopSlice[] = [];
    for (const concurrency of [1, 8]) {
      meter.reset();
      const measured = await measureAlternating({ full: fullCall, raw: rawCall }, concurrency, options.durationMs, SLICE_MS, {
        full: (slice) => meter.during('full', slice),
        raw: (slice) => meter.during('raw', slice),
      });
      const { full, raw } = meter.sides();
      options.log(describe(`full stack (${options.driver})`, measured.full));
      options.log(`  ${costs(full)}`);
      options.log(describe('argon2id verify alone', measured.raw));
      options.log(`  ${costs(raw)}`);
      options.log(`  server event loop delay, logging in: ${summary(full.slices)}; at rest (raw slices): ${summary(raw.slices)}`);
      result.full.push(measured.full);
      result.raw.push(measured.raw);
      busy = full.slices;
      rest = raw.slices;
      options.log(`  ${cpuRatio(full, raw)}`);
    }
    // For the note: the stack's own cost. The same accounts, their hashes swapped for a cheap
    // argon2id (8 KiB, 1 pass; verify reads the parameters from the hash), so a login is
    // nearly all stack: HTTP, tRPC, the two transactions, the session and the access token.
    await cheapenHashes(databaseUrl, accounts);
    meter.reset();
    const floor = await measureAlternating({ full: fullCall, raw: rawCall }, 8, options.durationMs, SLICE_MS, {
      full: (slice) => meter.during('full', slice),
      raw: (slice) => meter.during('raw', slice),
    });
    options.log(describe('floor: login, cheap hash', floor.full));
    options.log(`  ${costs(meter.sides().full)}`);
    // At c=8, over all the slices; and the same for the server at rest during the raw slices
    // (the machine as busy, hashing in this process): what the delay owes to CPU contention.
    const max = Math.max(...busy.map((s) => s.max)).toFixed(1);
    const loopLine = `LOOP login event_loop_p99_ms=${mergedPercentile(busy, 0.99).toFixed(1)} event_loop_max_ms=${max} at_rest_p99_ms=${mergedPercentile(rest, 0.99).toFixed(1)}`;
    return { ...result, extraLines: [loopLine] };
  } finally {
    client.close();
    server.stop();
  }
}

/** The demo accounts with their stored PHC hashes, read as the owner. */
async function demoAccounts(databaseUrl: string): Promise<Account[]> {
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    const result = await owner.query(
      `select u.tenant_id as "tenantId", u.username, c.password_hash as "passwordHash"
       from identity.users u join identity.credentials c on c.tenant_id = u.tenant_id and c.user_id = u.id
       where (u.tenant_id, u.username) in (select * from unnest($1::text[], $2::text[]))
       order by u.tenant_id, u.username`,
      [DEMO_ACCOUNTS.map((a) => a.tenantId), DEMO_ACCOUNTS.map((a) => a.username)],
    );
    return result.rows as Account[];
  } finally {
    await owner.end();
  }
}

/** Replaces the accounts' password hashes, in the database and in `accounts`, with a cheap argon2id of the same password. */
async function cheapenHashes(databaseUrl: string, accounts: Account[]): Promise<void> {
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    for (const account of accounts) {
      account.passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 8, timeCost: 1, parallelism: 1 });
      await owner.query(
        `update identity.credentials c set password_hash = $3 from identity.users u
         where u.tenant_id = $1 and u.username = $2 and c.tenant_id = u.tenant_id and c.user_id = u.id`,
        [account.tenantId, account.username, account.passwordHash],
      );
    }
  } finally {
    await owner.end();
  }
}

/** Lends each concurrent caller an account no other caller holds meanwhile. */
function accountPool(accounts: Account[]) {
  const free = [...accounts];
  return async (use: (account: Account) => Promise<void>) => {
    const account = free.pop();
    if (!account) throw new Error('more concurrent callers than accounts');
    try {
      await use(account);
    } finally {
      free.push(account);
    }
  };
}

/**
 * Per slice: the server's event-loop delay (loop-probe.ts over the IPC channel) and where the
 * machine's CPU went: the server process (event loop and its thread pool), this process (the
 * HTTP client, or the raw side's hashing), and PostgreSQL's processes.
 */
function sliceMeter(child: ChildProcess) {
  const sides = { full: emptySide(), raw: emptySide() };
  const stop = () =>
    new Promise<LoopSlice>((resolve) => {
      const onMessage = (message: LoopSlice) => {
        if (message?.kind !== 'loop:slice') return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.send('loop:stop');
    });
  return {
    reset: () => {
      sides.full = emptySide();
      sides.raw = emptySide();
    },
    /** Counts one call of a side (the meter divides the CPU by the calls). */
    count: (side: 'full' | 'raw') => void sides[side].calls++,
    during: async (side: 'full' | 'raw', slice: () => Promise<void>) => {
      child.send('loop:start');
      const bench0 = process.cpuUsage();
      const pg0 = await postgresCpu();
      await slice();
      const bench = process.cpuUsage(bench0);
      const pgMs = postgresSpent(pg0, await postgresCpu());
      const loop = await stop();
      const into = sides[side];
      into.slices.push(loop);
      into.serverMs += loop.cpuMs;
      into.benchMs += (bench.user + bench.system) / 1000;
      into.postgresMs += pgMs;
    },
    sides: () => sides,
  };
}

type Side = ReturnType<typeof emptySide>;

function emptySide() {
  return { calls: 0, slices: [] as LoopSlice[], serverMs: 0, benchMs: 0, postgresMs: 0 };
}

/**
 * CPU time (ms) so far of each PostgreSQL backend serving the bench's database, by pid (from
 * /proc, where the title names the database; empty where there is none, e.g. a remote server).
 */
async function postgresCpu(): Promise<Map<string, number>> {
  const tickMs = 10; // USER_HZ is 100 on Linux
  const byPid = new Map<string, number>();
  const pids = await readdir('/proc').catch(() => [] as string[]);
  for (const pid of pids) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const close = stat.lastIndexOf(')');
    if (!stat.slice(0, close).endsWith('(postgres')) continue;
    const title = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!title.includes(` ${DATABASE} `)) continue;
    const fields = stat.slice(close + 2).split(' ');
    byPid.set(pid, (Number(fields[11]) + Number(fields[12])) * tickMs);
  }
  return byPid;
}

/** What PostgreSQL's processes spent between two readings (a process that ended meanwhile is not counted). */
function postgresSpent(before: Map<string, number>, after: Map<string, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

/** The throughput ratio the machine would give if CPU were all that limited both sides. */
function cpuRatio(full: Side, raw: Side): string {
  const total = (side: Side) => (side.serverMs + side.benchMs + side.postgresMs) / side.calls;
  return `CPU per call in all: login ${total(full).toFixed(1)} ms, verify ${total(raw).toFixed(1)} ms (ratio ${(total(raw) / total(full)).toFixed(2)})`;
}

function costs(side: Side): string {
  const per = (ms: number) => (ms / side.calls).toFixed(1);
  return `CPU per call: server ${per(side.serverMs)} ms, bench process ${per(side.benchMs)} ms, PostgreSQL backends ${per(side.postgresMs)} ms`;
}

function summary(slices: LoopSlice[]): string {
  return `p50 ${mergedPercentile(slices, 0.5).toFixed(1)} ms, p99 ${mergedPercentile(slices, 0.99).toFixed(1)} ms, max ${Math.max(...slices.map((s) => s.max)).toFixed(1)} ms`;
}

/** A percentile over several slices' histograms: the smallest delay at or under which a `q` share of all their samples fall. */
function mergedPercentile(slices: LoopSlice[], q: number): number {
  const samples = slices.reduce((sum, s) => sum + s.count, 0);
  const shareAtOrUnder = (s: LoopSlice, delay: number) => s.cdf.reduce((share, [percentile, ms]) => (ms <= delay ? Math.max(share, percentile / 100) : share), 0);
  const delays = [...new Set(slices.flatMap((s) => s.cdf.map(([, ms]) => ms)))].sort((a, b) => a - b);
  return delays.find((delay) => slices.reduce((sum, s) => sum + s.count * shareAtOrUnder(s, delay), 0) >= q * samples) ?? NaN;
}
