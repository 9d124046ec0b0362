import { addMonths, chinaMonth, isMonth, monthsEndingWith, previousMonth } from '@tongxin/calendar';
import { selectRow, selectRows, type Tx } from '@tongxin/db';
import { DomainError, badField } from '@tongxin/errors';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { TREND_LENGTHS, type RollupAnswer, type RollupOrg } from './contract.ts';
import type { RollupTables } from './tables.ts';

/** How long a change may wait for the rollup before the views say it is behind. */
export const ROLLUP_PROMISE_SECONDS = 60;

/** The input of every service's `rollups.overview`: a month, optionally an org (else the county), a trend length. */
export const ZRollupInput = z.object({
  month: z.string().refine(isMonth, { message: 'YYYY-MM' }),
  orgId: z.uuid().optional(),
  months: z.union(TREND_LENGTHS.map((n) => z.literal(n)) as [z.ZodLiteral<12>, z.ZodLiteral<24>]).default(12),
});
export type RollupInput = z.infer<typeof ZRollupInput>;

export interface RollupQuery {
  tenantId: string;
  /** The org resolved and scope-checked by `withOptionalOrg` (every service's lookup gives its path); null for the whole county. */
  org: { path: string } | null;
  /** Only the department reads the county as a whole. */
  department: boolean;
  month: string;
  months: number;
  now: Date;
}

type Row = { orgId: string; parentId: string | null; month: string; figure: string; value: number };

const toFigures = (rows: readonly Row[]) => Object.fromEntries(rows.map((r) => [r.figure, Number(r.value)]));

/**
 * One service's figures for an org's subtree (or the county) and a month, with the month
 * before, the trend and the children: a few rows read by key from `rollups`, never the base
 * tables. RLS shows a secretary only their subtree's rows, the department the county's.
 */
export async function readRollup(tx: Tx, tables: RollupTables, query: RollupQuery): Promise<RollupAnswer> {
  const { rollups, rollupMarks, rollupMonths } = tables;
  if (query.month > chinaMonth(query.now)) throw badField('month', 'future_month');
  if (!query.org && !query.department) throw new DomainError('role_required', { params: { role: 'department' } });

  const ids = query.org?.path.split('/').filter(Boolean) ?? [];
  const org: RollupOrg | null = query.org
    ? { id: ids.at(-1)!, parentId: ids.at(-2) ?? null }
    : ((await selectRow<RollupOrg>(tx, sql`select org_id as id, parent_id as "parentId" from ${rollups} where tenant_id = ${query.tenantId} and parent_id is null limit 1`)) ?? null);

  const trendMonths = monthsEndingWith(query.month, query.months);
  const first = trendMonths[0] ?? query.month;
  const from = first < previousMonth(query.month) ? first : previousMonth(query.month);
  const own = org
    ? await selectRows<Row>(
        tx,
        sql`select org_id as "orgId", parent_id as "parentId", month, figure, value from ${rollups}
            where tenant_id = ${query.tenantId} and org_id = ${org.id} and month between ${from} and ${query.month}`,
      )
    : [];
  const children = org
    ? await selectRows<Row>(
        tx,
        sql`select org_id as "orgId", parent_id as "parentId", month, figure, value from ${rollups}
            where tenant_id = ${query.tenantId} and parent_id = ${org.id} and month = ${query.month}`,
      )
    : [];
  const state = await selectRow<{ refreshedAt: string | Date | null; markedAt: string | Date | null }>(
    tx,
    sql`select (select refreshed_at from ${rollupMonths} where tenant_id = ${query.tenantId} and month = ${query.month}) as "refreshedAt",
               (select min(marked_at) from ${rollupMarks} where tenant_id = ${query.tenantId} and month = ${query.month}) as "markedAt"`,
  );

  const inMonth = (month: string) => own.filter((r) => r.month === month);
  const byChild = new Map<string, Row[]>();
  for (const row of children) byChild.set(row.orgId, [...(byChild.get(row.orgId) ?? []), row]);
  const markedAt = state?.markedAt ? new Date(state.markedAt) : null;
  return {
    month: query.month,
    org,
    figures: toFigures(inMonth(query.month)),
    previous: toFigures(inMonth(addMonths(query.month, -1))),
    trend: trendMonths.map((month) => ({ month, figures: toFigures(inMonth(month)) })),
    children: [...byChild.values()].map((rows) => ({ org: { id: rows[0]!.orgId, parentId: rows[0]!.parentId }, figures: toFigures(rows) })),
    asOf: state?.refreshedAt ? new Date(state.refreshedAt).toISOString() : null,
    behind: markedAt !== null && query.now.getTime() - markedAt.getTime() > ROLLUP_PROMISE_SECONDS * 1000,
  };
}
