import { tenantPolicy, tenantWide, type Tx } from '@tongxin/db';
import { and, eq, inArray } from 'drizzle-orm';
import { index, pgPolicy, primaryKey, text, uuid, type PgColumn, type PgSchema, type PgTable } from 'drizzle-orm/pg-core';
import type { SeatsChanged } from './events.ts';

/**
 * Identity's secretary seats (role `secretary`, secretary or deputy) as a deciding service
 * keeps them from `identity.seats_changed`: who holds a seat at which org, so "the level above
 * decides" (issue 13 C) can be checked without reading identity's tables. Readable in the
 * tenant; written only by the copy consumer, which runs tenant-wide: a secretary's
 * transaction cannot seat or unseat anyone here.
 */
export function seatCopyTable(schema: PgSchema<string>) {
  return schema
    .table(
      'seats',
      {
        tenantId: text('tenant_id').notNull(),
        userId: text('user_id').notNull(),
        orgId: uuid('org_id').notNull(),
      },
      (t) => [
        primaryKey({ columns: [t.tenantId, t.userId, t.orgId] }),
        index('seats_org').on(t.tenantId, t.orgId),
        tenantPolicy(),
        pgPolicy('seats_written_tenant_wide', { as: 'restrictive', for: 'insert', withCheck: tenantWide }),
        pgPolicy('seats_updated_tenant_wide', { as: 'restrictive', for: 'update', using: tenantWide, withCheck: tenantWide }),
        pgPolicy('seats_deleted_tenant_wide', { as: 'restrictive', for: 'delete', using: tenantWide }),
      ],
    )
    .enableRLS();
}

export type SeatCopyTable = ReturnType<typeof seatCopyTable>;

/** Where a service reads an org's materialized path: its copy of the orgs (or roster's own tree). */
export interface OrgPaths {
  table: PgTable;
  tenantId: PgColumn;
  orgId: PgColumn;
  path: PgColumn;
}

/**
 * The seats a user holds in `tenantId`, each with its org's path (null when the org is not
 * known here): the `SeatsOf` that @tongxin/trpc's `refuseUnlessLevelAbove` asks for.
 */
export function seatsIn(tx: Tx, seats: SeatCopyTable, orgs: OrgPaths, tenantId: string) {
  return async (userId: string): Promise<{ orgId: string; path: string | null }[]> => (await seatsOfUsers(tx, seats, orgs, tenantId, [userId])).get(userId) ?? [];
}

/** The seats of several users at once (a queue or a bulk confirmation), by user id. */
export async function seatsOfUsers(tx: Tx, seats: SeatCopyTable, orgs: OrgPaths, tenantId: string, userIds: readonly string[]) {
  const byUser = new Map<string, { orgId: string; path: string | null }[]>();
  if (userIds.length === 0) return byUser;
  const rows = await tx
    .select({ userId: seats.userId, orgId: seats.orgId, path: orgs.path })
    .from(seats)
    .leftJoin(orgs.table, and(eq(orgs.tenantId, seats.tenantId), eq(orgs.orgId, seats.orgId)))
    .where(and(eq(seats.tenantId, tenantId), inArray(seats.userId, [...userIds])));
  for (const row of rows as { userId: string; orgId: string; path: string | null }[]) {
    const list = byUser.get(row.userId) ?? [];
    list.push({ orgId: row.orgId, path: row.path ?? null });
    byUser.set(row.userId, list);
  }
  return byUser;
}

/** Applies `identity.seats_changed`: the user's seats become exactly the event's set. */
export async function applySeatsChanged(tx: Tx, seats: SeatCopyTable, tenantId: string, p: SeatsChanged): Promise<void> {
  await tx.delete(seats).where(and(eq(seats.tenantId, tenantId), eq(seats.userId, p.userId)));
  const orgIds = [...new Set(p.orgIds)];
  if (orgIds.length > 0) await tx.insert(seats).values(orgIds.map((orgId) => ({ tenantId, userId: p.userId, orgId })));
}
