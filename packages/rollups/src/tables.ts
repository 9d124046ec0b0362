import { currentTenant, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql, type SQL } from 'drizzle-orm';
import { bigint, doublePrecision, index, pgPolicy, primaryKey, text, timestamp, uuid, type PgColumn, type PgSchema, type PgTable } from 'drizzle-orm/pg-core';

/**
 * The three tables every service with rollups keeps in its own schema:
 *
 * - `rollups`: one row per tenant, month, org and figure, the figure over the org's whole
 *   subtree (a county's row is its root's), so an overview reads a handful of rows by key and
 *   never scans members. Written only by the refresh (`tongxin_system`); read by the
 *   department tenant-wide and by a secretary within their subtree.
 * - `rollup_marks`: "this tenant's month changed", written by the `mark_rollup` trigger on
 *   the base tables in the writing transaction, one row per transaction (INSERT … ON CONFLICT
 *   DO NOTHING on its own key: no writer ever waits on another's mark or on the refresh), and
 *   taken by the refresh.
 * - `rollup_months`: when each tenant's month was last brought up to date (the views' "as of").
 *
 * A city's department (a tenant-wide transaction of the city) also reads `rollups` and
 * `rollup_months` of each county whose grant to this city stands in `cityGrants`, the
 * service's copy of identity's grants (`@tongxin/copies`' `cityGrantCopyTable`, same schema):
 * that is the only way a row of one tenant is read in another's transaction here. Neither
 * table has a write policy: the request role writes no rollup at all, only the refresh does.
 */
export function rollupTables(schema: PgSchema<string>, cityGrants: CityGrants) {
  const granted = grantedToCity(cityGrants);
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
        // Own tenant: the department all of it, a secretary their subtree. No `tenant_isolation`:
        // its restrictive form would hide a granted county from the city; each read policy pins
        // the tenant itself, and with no write policy the request role writes nothing.
        pgPolicy('rollup_scope', { as: 'permissive', for: 'select', using: sql`tenant_id = ${currentTenant} and (${tenantWide} or ${pathInScope(t.orgPath)})` }),
        pgPolicy('rollup_city', { as: 'permissive', for: 'select', using: granted }),
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
        /**
         * The writing transaction: each marks once, in a row of its own, so the refresh takes
         * exactly the marks its snapshot sees and never deletes one a writer waits on (refresh.ts).
         */
        markedBy: bigint('marked_by', { mode: 'number' }).default(sql`(pg_current_xact_id()::text::bigint)`).notNull(),
      },
      (t) => [
        primaryKey({ columns: [t.tenantId, t.month, t.markedBy] }),
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
        pgPolicy('months_read', { as: 'permissive', for: 'select', using: sql`tenant_id = ${currentTenant} or ${granted}` }),
      ],
    )
    .enableRLS();

  return { rollups, rollupMarks, rollupMonths };
}

export type RollupTables = ReturnType<typeof rollupTables>;

/** What the city read policy needs of the grants copy (`@tongxin/copies`' `cityGrantCopyTable`). */
export type CityGrants = PgTable & { tenantId: PgColumn; cityId: PgColumn; standing: PgColumn };

/**
 * The row's county granted the transaction's tenant, a city, and the transaction is its
 * department's (tenant-wide). Read from the copy as the transaction sees it: its policy shows a
 * city only the grants naming it.
 */
function grantedToCity(grants: CityGrants): SQL {
  return sql`(${tenantWide} and tenant_id in (select g.tenant_id from ${grants} g where g.city_id = ${currentTenant} and g.standing))`;
}
