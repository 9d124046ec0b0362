import { selectRows, type Database } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { reportingRollups } from '@tongxin/reporting';
import { rosterRollups } from '@tongxin/roster';
import { markCurrentMonth, markMonths, rebuildRollups, refreshRollups, rollupLagSeconds, type RollupSpec } from '@tongxin/rollups';
import { scoringRollups } from '@tongxin/scoring';
import { tasksRollups } from '@tongxin/tasks';
import type { BackgroundTurn } from '../requests-first.ts';

/** Every service's rollups (`@tongxin/rollups`): the figures the department's and the city's views read. */
export const ROLLUP_SPECS: readonly { service: string; spec: RollupSpec }[] = [
  { service: 'roster', spec: rosterRollups },
  { service: 'reporting', spec: reportingRollups },
  { service: 'tasks', spec: tasksRollups },
  { service: 'scoring', spec: scoringRollups },
];

/**
 * Takes every service's marked months once (a few at a time each); answers how many months it
 * recomputed. With `turn` (requests-first.ts) each service's batch waits its turn.
 */
export async function refreshAllRollups(database: Database, now: () => Date = () => new Date(), limit = 20, turn?: BackgroundTurn, markedBefore?: Date): Promise<number> {
  let done = 0;
  for (const { spec } of ROLLUP_SPECS) {
    await turn?.();
    done += await refreshRollups(database.system, spec, now, limit, markedBefore);
  }
  return done;
}

/** The daily job's part: the month now running, for every county the rollups know, since time alone changes stock figures. */
export async function markCurrentMonths(database: Database, now: Date): Promise<void> {
  for (const { spec } of ROLLUP_SPECS) await markCurrentMonth(database.system, spec, now);
}

/** Marks a county's months in every service, for the refresh to take in the background (after a seed or an import). */
export async function markAllMonths(database: Database, tenantId: string, months: readonly string[]): Promise<void> {
  for (const { spec } of ROLLUP_SPECS) await markMonths(database.system, spec, tenantId, months);
}

/** Recomputes a county's months in every service now (`npm run rollups -- --rebuild`). */
export async function rebuildAllRollups(database: Database, tenantId: string, months: readonly string[], now: () => Date = () => new Date()): Promise<void> {
  for (const { spec } of ROLLUP_SPECS) await rebuildRollups(database.system, spec, tenantId, months, now);
}

/** The oldest change no rollup has taken yet, in seconds: the staleness the bench reports. */
export async function rollupLag(database: Database, now: Date): Promise<number> {
  let lag = 0;
  for (const { spec } of ROLLUP_SPECS) lag = Math.max(lag, await rollupLagSeconds(database.system, spec, now));
  return lag;
}

/** How often the refresh looks for marks: well inside the 60 seconds the views promise. */
export const ROLLUP_REFRESH_MS = 15_000;

/**
 * On Node, a poller takes the marked months every 15 s (at most 20 per service per round,
 * each its own short transaction, so requests interleave with it). A failure is logged and
 * retried next round: the marks stay until a recompute commits. With `turn` (PGlite: one
 * connection on this thread, requests-first.ts) one month at a time, each after its turn.
 */
export function scheduleRollups(database: Database, options: { now?: () => Date; intervalMs?: number; turn?: BackgroundTurn } = {}) {
  const now = options.now ?? (() => new Date());
  const refresh = (markedBefore: Date) => refreshAllRollups(database, now, options.turn ? 1 : 20, options.turn, markedBefore);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      // A backlog (a seed, an import) is taken round after round without waiting; what is
      // marked meanwhile waits for the next tick. Round after round while writes kept marking
      // (issue 16), a 10,000-member county's recomputes (1–2 s each) held a database core
      // for as long as the writes went on.
      // The database's clock, which stamps the marks.
      const tickStarted = await databaseNow(database);
      while (!stopped && (await refresh(tickStarted)) > 0);
    } catch (error) {
      // A refresh cut off by shutdown is not a failure; the marks stay for the next start.
      if (!stopped) console.error('rollups refresh failed:', error instanceof Error ? error.message : error);
    }
    if (!stopped) timer = setTimeout(tick, options.intervalMs ?? ROLLUP_REFRESH_MS);
  };
  timer = setTimeout(tick, options.intervalMs ?? ROLLUP_REFRESH_MS);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

async function databaseNow(database: Database): Promise<Date> {
  const [row] = await selectRows<{ now: string | Date }>(database.system, sql`select now() as now`);
  return new Date(row!.now);
}
