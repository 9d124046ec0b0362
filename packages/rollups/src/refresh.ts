import { chinaMonth, monthRange, previousMonth } from '@tongxin/calendar';
import { selectRows, type Db, type Tx } from '@tongxin/db';
import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { RollupTables } from './tables.ts';

/** The instants a month's leaves are computed for. */
export interface MonthWindow {
  month: string;
  /** The month's first instant (China time). */
  start: Date;
  /** The first instant after the month. */
  end: Date;
  /** What "at the month's end" means for stock figures: the month's end, or now for the current month. */
  asOf: Date;
  /** True for the month now running. */
  current: boolean;
}

/**
 * A service's rollups: its tables and its one aggregate. `leaves` returns rows
 * `(org_path text, figure text, value float8)` for one tenant and month from the service's
 * own base tables (the org a row belongs to, by its materialized path); the refresh adds
 * them up over every ancestor on the path, so each org's row holds its subtree.
 */
export interface RollupSpec {
  tables: RollupTables;
  leaves: (tenantId: string, window: MonthWindow) => SQL;
  /**
   * Figures that can be computed only for the month now running (a ledger's age): a past
   * month's recompute keeps the value they had when the month ended. Families by prefix
   * (`place:`), exact names otherwise.
   */
  currentOnly?: readonly string[];
}

export function monthWindow(month: string, now: Date): MonthWindow {
  const { start, end } = monthRange(month);
  const current = month === chinaMonth(now);
  return { month, start, end, asOf: current ? now : end, current };
}

const keptFigures = (spec: RollupSpec, window: MonthWindow): SQL => {
  if (window.current || !spec.currentOnly?.length) return sql`false`;
  return sql.join(
    spec.currentOnly.map((name) => (name.endsWith(':') ? sql`figure like ${`${name}%`}` : sql`figure = ${name}`)),
    sql` or `,
  );
};

/**
 * Recomputes one tenant's month from the base tables: deletes its rows (but the kept
 * current-only figures of a past month) and writes the leaves summed over every ancestor on
 * their paths, then records when. Runs as `tongxin_system` (rollups are not the app's to
 * write) inside the caller's transaction.
 */
export async function recomputeMonth(tx: Tx, spec: RollupSpec, tenantId: string, month: string, now: Date): Promise<void> {
  const { rollups, rollupMonths } = spec.tables;
  const window = monthWindow(month, now);
  // No JIT for the recompute: the planner takes generate_subscripts for 1,000 rows (it gives
  // a path's depth, a handful), so the estimate passes jit_above_cost and compiling (inlining,
  // optimizing) took 590 of a 10,000-member county's 790 ms (issue 16: a refresh held a core).
  await tx.execute(sql`select set_config('jit', 'off', true)`);
  await tx.execute(sql`delete from ${rollups} where ${rollups.tenantId} = ${tenantId} and ${rollups.month} = ${month} and not (${keptFigures(spec, window)})`);
  // ids[i] is the org, ids[i-1] its parent (null past the root), ids[1:i] its path.
  await tx.execute(sql`
    insert into ${rollups} (tenant_id, month, org_id, parent_id, org_path, figure, value)
    select ${tenantId}, ${month}, (l.ids[i])::uuid, (l.ids[i - 1])::uuid, '/' || array_to_string(l.ids[1:i], '/') || '/', l.figure, sum(l.value)
    from (
      select string_to_array(trim(both '/' from leaf.org_path), '/') as ids, leaf.figure, leaf.value::float8 as value
      from (${spec.leaves(tenantId, window)}) as leaf (org_path, figure, value)
      where leaf.value <> 0 and leaf.org_path is not null
    ) l
    cross join lateral generate_subscripts(l.ids, 1) as i
    where not (${keptFigures(spec, window)})
    group by l.ids[i], l.ids[i - 1], l.ids[1:i], l.figure
    having sum(l.value) <> 0`);
  await tx.execute(sql`
    insert into ${rollupMonths} (tenant_id, month, refreshed_at) values (${tenantId}, ${month}, ${now})
    on conflict (tenant_id, month) do update set refreshed_at = excluded.refreshed_at`);
}

/**
 * Takes the marked months (oldest mark first, `limit` at a time) and recomputes each in its
 * own transaction, which reads one snapshot (repeatable read) for the recompute and for the
 * marks it deletes: a mark is written in the transaction of its change, so the marks that
 * snapshot sees are exactly the changes the recompute counted; a change committed later keeps
 * its mark (a row of its own, `rollup_marks.marked_by`) for the next time. Nothing waits on the
 * refresh: it once deleted the month's one mark first and held that delete for the whole
 * recompute, and every write of the county marking that month (INSERT … ON CONFLICT) waited
 * for it, 1–2 s per month in a county of 10,000 members (issue 16's sustained load). Two
 * refreshers never do one month at once (an advisory lock; the second skips it, as does one
 * whose snapshot predates the other's commit). With `markedBefore`, only months marked before
 * then. Answers how many months it did.
 */
export async function refreshRollups(system: Db, spec: RollupSpec, now: () => Date = () => new Date(), limit = 100, markedBefore?: Date): Promise<number> {
  const { rollupMarks } = spec.tables;
  const before = markedBefore ? sql`where marked_at < ${markedBefore}` : sql``;
  const marks = await selectRows<{ tenantId: string; month: string }>(
    system,
    sql`select tenant_id as "tenantId", month from ${rollupMarks} ${before} group by tenant_id, month order by min(marked_at) limit ${limit}`,
  );
  const table = getTableConfig(rollupMarks);
  let done = 0;
  // A month that fails keeps its marks and is thrown after the others are done: one broken
  // month must not starve every other one, tick after tick.
  let failure: { error: unknown } | undefined;
  for (const { tenantId, month } of marks) {
    const key = `${table.schema}.${table.name}:${tenantId}:${month}`;
    const took = await system
      .transaction(async (tx) => {
        const [lock] = await selectRows<{ mine: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext(${key})) as mine`);
        if (!lock?.mine) return false;
        const taken = await tx.execute(sql`delete from ${rollupMarks} where tenant_id = ${tenantId} and month = ${month} returning 1`);
        if (taken.rows.length === 0) return false;
        await recomputeMonth(tx, spec, tenantId, month, now());
        return true;
      }, { isolationLevel: 'repeatable read' })
      .catch((error: unknown) => {
        // Another refresher took these marks after this snapshot began: nothing is left to do.
        if (sqlStateOf(error) !== SERIALIZATION_FAILURE) failure ??= { error };
        return false;
      });
    if (took) done += 1;
  }
  if (failure) throw failure.error;
  return done;
}

const SERIALIZATION_FAILURE = '40001';

function sqlStateOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/**
 * Marks the month now running for every tenant the rollups know from this month or the one
 * before: stock figures change with time alone (a ledger turns 30 days old, a new month
 * begins), which no write marks. The daily job calls it.
 */
export async function markCurrentMonth(system: Db, spec: RollupSpec, now: Date): Promise<void> {
  const { rollupMarks, rollupMonths } = spec.tables;
  const month = chinaMonth(now);
  await system.execute(sql`
    insert into ${rollupMarks} (tenant_id, month)
    select distinct tenant_id, ${month} from ${rollupMonths} where month >= ${previousMonth(month)}
    on conflict do nothing`);
}

/** Marks the given months of a tenant (a rebuild, a seed), for the refresh to take. */
export async function markMonths(db: Db | Tx, spec: RollupSpec, tenantId: string, months: readonly string[]): Promise<void> {
  const { rollupMarks } = spec.tables;
  for (const month of months) {
    await db.execute(sql`insert into ${rollupMarks} (tenant_id, month) values (${tenantId}, ${month}) on conflict do nothing`);
  }
}

/** Recomputes every given month of a tenant now, from scratch (`npm run rollups -- --rebuild`). */
export async function rebuildRollups(system: Db, spec: RollupSpec, tenantId: string, months: readonly string[], now: () => Date = () => new Date()): Promise<void> {
  for (const month of months) {
    await system.transaction(async (tx) => {
      await tx.execute(sql`delete from ${spec.tables.rollupMarks} where tenant_id = ${tenantId} and month = ${month}`);
      await recomputeMonth(tx, spec, tenantId, month, now());
    });
  }
}

/** How far behind the oldest untaken change is, in seconds (0 when none waits): the bench's staleness. */
export async function rollupLagSeconds(system: Db, spec: RollupSpec, now: Date): Promise<number> {
  const [row] = await selectRows<{ oldest: string | Date | null }>(system, sql`select min(marked_at) as oldest from ${spec.tables.rollupMarks}`);
  return row?.oldest ? Math.max(0, (now.getTime() - new Date(row.oldest).getTime()) / 1000) : 0;
}
