import { claimEvent, tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { processedEvents, scoredMembers } from '../schema.ts';

interface MemberCreated {
  memberId: string;
  userId: string | null;
  name: string;
}

/**
 * Applies one roster event in the event's tenant; an event id already applied is skipped,
 * so a redelivered event changes nothing.
 */
export async function applyRosterEvent(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
  if (event.topic !== 'roster.member_created') return 'ignored';
  return tenantTransaction(database, { tenantId: event.tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, event))) return 'duplicate';
    const payload = event.payload as MemberCreated;
    await tx
      .insert(scoredMembers)
      .values({ tenantId: event.tenantId, memberId: payload.memberId, userId: payload.userId, name: payload.name })
      .onConflictDoNothing();
    return 'applied';
  });
}
