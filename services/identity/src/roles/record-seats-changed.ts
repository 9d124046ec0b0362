import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS, type SeatsChanged } from '@tongxin/events';
import { and, eq, isNotNull } from 'drizzle-orm';
import { outbox, people, roleAssignments, users } from '../schema.ts';

/**
 * Announces a user's secretary seats after they changed (appointed, removed, an account
 * activated into waiting appointments, an account closed): the full current set, read from
 * the role assignments in this same transaction, so the deciding services' copies replace
 * what they had and "the level above decides" (issue 13 C) sees every seat.
 */
export async function recordSeatsChanged(tx: Tx, tenantId: string, userId: string): Promise<void> {
  const held = await tx
    .select({ orgId: roleAssignments.orgId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.userId, userId), eq(roleAssignments.role, 'secretary'), isNotNull(roleAssignments.orgId)));
  const contact = await seatHolderContact(tx, tenantId, userId);
  const payload = { userId, orgIds: held.map((row) => row.orgId!).sort(), ...contact } satisfies SeatsChanged;
  await recordEvent(tx, outbox, tenantId, TOPICS.identity.seatsChanged, payload);
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * How a destination reaches the holder (issue 17: a destination deciding a check-in calls the
 * home secretary): the account's name, and the ledger's phone of the member it belongs to, else
 * the username where it is a mobile number (staff log in with their phone). Read in the
 * appointing transaction, whose scope sees the seat's holder; nothing found, no phone.
 */
async function seatHolderContact(tx: Tx, tenantId: string, userId: string): Promise<{ name: string | null; phone: string | null }> {
  const [user] = await tx.select({ name: users.displayName, username: users.username }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  const [person] = await tx.select({ name: people.name, phone: people.phone }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.userId, userId)));
  const phone = person?.phone ?? (user && MOBILE.test(user.username) ? user.username : null);
  return { name: person?.name ?? user?.name ?? null, phone };
}
