import { claimEvent, tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { parsePayload, TOPICS } from '@tongxin/events';
import { and, eq } from 'drizzle-orm';
import { lostContactProposals, members, processedEvents } from '../schema.ts';

export const LOST_CONTACT_PROPOSED = TOPICS.reporting.lostContactProposed;
export type LostContactProposalResult = 'applied' | 'duplicate' | 'ignored' | 'skipped';

/**
 * Consumer of `reporting.lost_contact_proposed`: a pending 失联 proposal for the secretary
 * to confirm. Reporting writes the event in the member's county, so the proposal is written
 * in the event's tenant, with the event id claimed there in the same transaction (exactly
 * once). A member who is no longer mobile (already lost contact, transferred out, back
 * home) is skipped: reporting's copy may lag behind roster. One pending proposal per member:
 * a later month's event while one is pending adds nothing.
 */
export async function applyLostContactProposal(database: Database, event: DomainEvent, now: Date = new Date()): Promise<LostContactProposalResult> {
  if (event.topic !== LOST_CONTACT_PROPOSED) return 'ignored';
  const payload = parsePayload(LOST_CONTACT_PROPOSED, event.payload);
  const tenantId = event.tenantId;
  return tenantTransaction(database, { tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, event))) return 'duplicate';
    const [member] = await tx
      .select({ status: members.status })
      .from(members)
      .where(and(eq(members.tenantId, tenantId), eq(members.id, payload.memberId)));
    if (member?.status !== 'mobile') return 'skipped';
    await tx
      .insert(lostContactProposals)
      .values({ tenantId, memberId: payload.memberId, source: 'monthly_reports', periods: payload.periods, proposedAt: now })
      .onConflictDoNothing();
    return 'applied';
  });
}
