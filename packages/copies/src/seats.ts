import { tenantPolicy, tenantWide, type Tx } from '@tongxin/db';
import { and, eq, inArray, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { index, pgPolicy, primaryKey, text, timestamp, uuid, type PgColumn, type PgSchema, type PgTable } from 'drizzle-orm/pg-core';
import type { SeatsChanged } from './events.ts';

/**
 * Identity's secretary seats (role `secretary`, secretary or deputy) as a deciding service
 * keeps them from `identity.seats_changed`: who holds a seat at which org, so "the level above
 * decides" (issue 13 C) can be checked without reading identity's tables. A seat that ended
 * is kept with the time it ended (`ended_at`): the check still counts it for a cooling-off
 * (@tongxin/trpc's `SEAT_COOLING_OFF_MS`), so stepping down for a moment frees no one from
 * the level above. Readable in the tenant; written only by the copy consumer, which runs
 * tenant-wide: a secretary's transaction cannot seat or unseat anyone here.
 */
export function seatCopyTable(schema: PgSchema<string>) {
  return schema
    .table(
      'seats',
      {
        tenantId: text('tenant_id').notNull(),
        userId: text('user_id').notNull(),
        orgId: uuid('org_id').notNull(),
        /** When identity announced the seat gone; null while it is held. */
        endedAt: timestamp('ended_at', { withTimezone: true }),
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
 * How long an ended seat stays in the copy before the consumer purges it: well beyond
 * @tongxin/trpc's `SEAT_COOLING_OFF_MS` (90 days), so no row the check would still count is
 * purged (a test asserts the order).
 */
export const ENDED_SEATS_KEPT_MS = 365 * 24 * 60 * 60 * 1000;

/** A seat as the check reads it: the org, its path (null when not known here), when it ended (null: held). */
export interface CopiedSeat {
  orgId: string;
  path: string | null;
  endedAt: Date | null;
}

/**
 * The seats a user holds or held in `tenantId` (ended ones with their end, for the cooling-off),
 * each with its org's path (null when the org is not known here): the `SeatsOf` that
 * @tongxin/trpc's `refuseUnlessLevelAbove` asks for.
 */
export function seatsIn(tx: Tx, seats: SeatCopyTable, orgs: OrgPaths, tenantId: string) {
  return async (userId: string): Promise<CopiedSeat[]> => (await seatsOfUsers(tx, seats, orgs, tenantId, [userId])).get(userId) ?? [];
}

/** The seats of several users at once (a queue or a bulk confirmation), by user id. */
export async function seatsOfUsers(tx: Tx, seats: SeatCopyTable, orgs: OrgPaths, tenantId: string, userIds: readonly string[]) {
  const byUser = new Map<string, CopiedSeat[]>();
  if (userIds.length === 0) return byUser;
  const rows = await tx
    .select({ userId: seats.userId, orgId: seats.orgId, path: orgs.path, endedAt: seats.endedAt })
    .from(seats)
    .leftJoin(orgs.table, and(eq(orgs.tenantId, seats.tenantId), eq(orgs.orgId, seats.orgId)))
    .where(and(eq(seats.tenantId, tenantId), inArray(seats.userId, [...userIds])));
  for (const row of rows as { userId: string; orgId: string; path: string | null; endedAt: Date | null }[]) {
    const list = byUser.get(row.userId) ?? [];
    list.push({ orgId: row.orgId, path: row.path ?? null, endedAt: row.endedAt ?? null });
    byUser.set(row.userId, list);
  }
  return byUser;
}

/**
 * Applies `identity.seats_changed` announced at `at` (the event's time): the user holds
 * exactly the event's set. A seat leaving the set is ended at `at`, not deleted (the
 * cooling-off counts from it; one already ended keeps its first end, so a repeated set
 * changes nothing); a seat in the set is held again (ended_at cleared); the user's seats
 * ended longer than `ENDED_SEATS_KEPT_MS` before `at` are purged.
 */
export async function applySeatsChanged(tx: Tx, seats: SeatCopyTable, tenantId: string, p: SeatsChanged, at: Date): Promise<void> {
  const orgIds = [...new Set(p.orgIds)];
  const theirs = and(eq(seats.tenantId, tenantId), eq(seats.userId, p.userId));
  await tx
    .update(seats)
    .set({ endedAt: at })
    .where(and(theirs, isNull(seats.endedAt), orgIds.length > 0 ? notInArray(seats.orgId, orgIds) : undefined));
  if (orgIds.length > 0) {
    await tx
      .insert(seats)
      .values(orgIds.map((orgId) => ({ tenantId, userId: p.userId, orgId, endedAt: null })))
      .onConflictDoUpdate({ target: [seats.tenantId, seats.userId, seats.orgId], set: { endedAt: sql`null` } });
  }
  await tx.delete(seats).where(and(theirs, lt(seats.endedAt, new Date(at.getTime() - ENDED_SEATS_KEPT_MS))));
}

/**
 * How a seat holder is reached (issue 17: the destination deciding a check-in sees the home
 * secretary's contact): the name and phone identity announces with `identity.seats_changed`,
 * one row per user. Kept only by reporting, which shows it on a check-in; written, like the
 * seats, only by the consumer's tenant-wide work.
 */
export function seatContactCopyTable(schema: PgSchema<string>) {
  return schema
    .table(
      'seat_contacts',
      {
        tenantId: text('tenant_id').notNull(),
        userId: text('user_id').notNull(),
        name: text('name').notNull(),
        /** The ledger's phone of a member holding the seat, else the account's if it is one; null when identity knows none. */
        phone: text('phone'),
      },
      (t) => [
        primaryKey({ columns: [t.tenantId, t.userId] }),
        tenantPolicy(),
        pgPolicy('seat_contacts_written_tenant_wide', { as: 'restrictive', for: 'insert', withCheck: tenantWide }),
        pgPolicy('seat_contacts_updated_tenant_wide', { as: 'restrictive', for: 'update', using: tenantWide, withCheck: tenantWide }),
        pgPolicy('seat_contacts_deleted_tenant_wide', { as: 'restrictive', for: 'delete', using: tenantWide }),
      ],
    )
    .enableRLS();
}

export type SeatContactTable = ReturnType<typeof seatContactCopyTable>;

/**
 * The contact `identity.seats_changed` carries, if it does (events before issue 17 carry none):
 * kept while the user holds a seat, removed with the last one.
 */
export async function applySeatContact(tx: Tx, contacts: SeatContactTable, tenantId: string, p: SeatsChanged): Promise<void> {
  const theirs = and(eq(contacts.tenantId, tenantId), eq(contacts.userId, p.userId));
  if (p.orgIds.length === 0) {
    await tx.delete(contacts).where(theirs);
    return;
  }
  if (p.name == null) return;
  await tx
    .insert(contacts)
    .values({ tenantId, userId: p.userId, name: p.name, phone: p.phone ?? null })
    .onConflictDoUpdate({ target: [contacts.tenantId, contacts.userId], set: { name: p.name, phone: p.phone ?? null } });
}
