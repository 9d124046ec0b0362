// What identity's tables share: the schema, the operator's scope and the guarded writes
// (one file per part, as roster's schema; drizzle.config.ts reads ../schema.ts).
import { pathInScope, tenantPolicy } from '@tongxin/db';
import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy, pgSchema, type PgColumn } from 'drizzle-orm/pg-core';

export const identity = pgSchema('identity');

/** The platform operator's transaction (app.operator): only the registry and invitations honour it. */
export const operatorScope = sql`(select current_setting('app.operator', true) = 'on')`;

/**
 * Tables request code reads tenant-wide (a login reads users, credentials and grants before
 * anyone is known) but writes only as `write` allows: RLS is the last wall inside a county
 * too (issue 13 D), so a member's or a secretary's transaction cannot grant itself a role,
 * set another's password or fill a seat above its scope, whatever SQL it runs.
 */
export function guardedWrites(write: SQL) {
  return [
    tenantPolicy('restrictive'),
    pgPolicy('tenant_reads', { as: 'permissive', for: 'select', using: sql`true` }),
    pgPolicy('guarded_inserts', { as: 'permissive', for: 'insert', withCheck: write }),
    pgPolicy('guarded_updates', { as: 'permissive', for: 'update', using: write, withCheck: write }),
    pgPolicy('guarded_deletes', { as: 'permissive', for: 'delete', using: write }),
  ];
}

/** The org (by id, in the row's county) lies in the caller's subtree: read from identity's copy, never from the row. */
export const orgInScope = (tenantId: PgColumn, orgId: PgColumn | SQL) =>
  sql`exists (select 1 from "identity"."orgs" o where o.tenant_id = ${tenantId} and o.org_id::text = ${orgId}::text and ${pathInScope(sql`o.path`)})`;
