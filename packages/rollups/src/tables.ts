import { currentTenant, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { doublePrecision, index, pgPolicy, primaryKey, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * The three tables every service with rollups keeps in its own schema:
 *
 * - `rollups`: one row per tenant, month, org and figure, the figure over the org's whole
 *   subtree (a county's row is its root's), so an overview reads a handful of rows by key and
 *   never scans members. Written only by the refresh (`tongxin_system`); read by the
 *   department tenant-wide and by a secretary within their subtree.
 * - `rollup_marks`: "this tenant's month changed", written by the `mark_rollup` trigger on
 *   the base tables in the writing transaction (INSERT … ON CONFLICT DO NOTHING: no row lock,
 *   so a burst of claims does not queue on it) and taken by the refresh.
 * - `rollup_months`: when each tenant's month was last brought up to date (the views' "as of").
 */
export function rollupTables(schema: PgSchema<string>) {
  const rollups = schema
    .table(
      'rollups',
      {
        tenantId: text('tenant_id').notNull(),
        month: text('month').notNull(),
        orgId: uuid('org_id').notNull(),
        /** Null for the county's root. */
        parentId: uuid('parent_id'),
        /** The org's materialized path: the subtree scope reads it, as on every org-owned row. */
        orgPath: text('org_path').notNull(),
        figure: text('figure').notNull(),
        value: doublePrecision('value').notNull(),
      },
      (t) => [
        primaryKey({ columns: [t.tenantId, t.orgId, t.month, t.figure] }),
        index('rollups_children').on(t.tenantId, t.parentId, t.month),
        tenantPolicy('restrictive'),
        pgPolicy('rollup_scope', { as: 'permissive', for: 'select', using: sql`${tenantWide} or ${pathInScope(t.orgPath)}` }),
      ],
    )
    .enableRLS();

  const rollupMarks = schema
    .table(
      'rollup_marks',
      {
        tenantId: text('tenant_id').notNull(),
        month: text('month').notNull(),
        /** The first change the rollup has not taken yet: how far behind it is. */
        markedAt: timestamp('marked_at', { withTimezone: true }).defaultNow().notNull(),
      },
      (t) => [
        primaryKey({ columns: [t.tenantId, t.month] }),
        tenantPolicy('restrictive'),
        // Any transaction of the tenant marks (the trigger runs as the writer) and may see
        // whether its county's rollup is behind; only the refresh deletes.
        pgPolicy('mark_insert', { as: 'permissive', for: 'insert', withCheck: sql`tenant_id = ${currentTenant}` }),
        pgPolicy('mark_read', { as: 'permissive', for: 'select', using: sql`true` }),
      ],
    )
    .enableRLS();

  const rollupMonths = schema
    .table(
      'rollup_months',
      {
        tenantId: text('tenant_id').notNull(),
        month: text('month').notNull(),
        refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
      },
      (t) => [
        primaryKey({ columns: [t.tenantId, t.month] }),
        tenantPolicy('restrictive'),
        pgPolicy('months_read', { as: 'permissive', for: 'select', using: sql`true` }),
      ],
    )
    .enableRLS();

  return { rollups, rollupMarks, rollupMonths };
}

export type RollupTables = ReturnType<typeof rollupTables>;
