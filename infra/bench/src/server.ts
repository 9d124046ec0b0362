import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const start = fileURLToPath(new URL('../../runner/src/start.ts', import.meta.url));

/** A fresh database on the server, for one benchmark run. */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** BENCH_PROFILE=<folder>: the server writes a CPU profile there when it stops (to find the stack's costs). */
export function profileFlags(): string[] {
  return process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
}

/**
 * Tongxin as `npm start` runs it, in its own process so client and server do not share a core's event loop.
 * `preload` (a module loaded with `--import` before the server, e.g. loop-probe.ts) gets an IPC channel to the bench.
 */
export async function startTongxin(databaseUrl: string, driver: 'pg' | 'neon', port: number, preload?: string): Promise<{ base: string; child: ChildProcess; stop(): void }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tongxin-bench-'));
  const child: ChildProcess = spawn(process.execPath, [...profileFlags(), '--import', 'tsx', ...(preload ? ['--import', preload] : []), start], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_DRIVER: driver, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production' },
    stdio: preload ? ['ignore', 'ignore', 'inherit', 'ipc'] : ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('Tongxin exited during start-up');
    const ok = await fetch(`${base}/api/roster/health`).then((r) => r.ok, () => false);
    if (ok) {
      await waitForRelay(databaseUrl);
      return { base, child, stop: () => child.kill('SIGTERM') };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error('Tongxin did not answer within 300 s');
}

const seedScript = fileURLToPath(new URL('../../runner/src/seed.ts', import.meta.url));

/** `npm run seed -- --members N` on the benchmark database: the demo, plus county `benchN`. */
export async function seedBenchmarkCounty(databaseUrl: string, members: number, extraArgs: readonly string[] = []): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tongxin-bench-seed-'));
  const child = spawn(process.execPath, ['--import', 'tsx', seedScript, '--members', String(members), ...extraArgs], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_DRIVER: 'pg', DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`seeding the benchmark county failed (exit ${code})`);
}

/**
 * Waits until the server's relay has delivered every event (the demo seed leaves its
 * reports' and meetings' events for the first start): a benchmark measures requests, not a
 * relay draining a backlog beside them.
 */
export async function waitForRelay(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < 1200; i++) {
      const left = await client.query(`select (select count(*) from roster.outbox where delivered_at is null)
        + (select count(*) from reporting.outbox where delivered_at is null) + (select count(*) from tasks.outbox where delivered_at is null) as n`);
      if (Number(left.rows[0].n) === 0) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the relay did not drain the outboxes within 5 minutes');
  } finally {
    await client.end();
  }
}
