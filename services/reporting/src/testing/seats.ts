import type { Database } from '@tongxin/db';
import { applySeatsToReporting } from '../members/apply-seats-event.ts';
import { orgDirectory } from '../schema.ts';

/**
 * Test setup for "the level above decides" (issue 13 C): the orgs in reporting's directory, as
 * roster's `org_saved` would have listed them, and identity's `identity.seats_changed` for the
 * user (the full set: none means no seat left), applied through reporting's consumer.
 */
export async function announceSeats(database: Database, tenantId: string, userId: string, seats: { orgId: string; path: string }[]) {
  for (const seat of seats) {
    await database.owner.insert(orgDirectory).values({ tenantId, orgId: seat.orgId, name: '支部', path: seat.path }).onConflictDoNothing();
  }
  const event = { id: crypto.randomUUID(), tenantId, topic: 'identity.seats_changed', payload: { userId, orgIds: seats.map((s) => s.orgId) }, createdAt: new Date() };
  return applySeatsToReporting(database, event);
}
