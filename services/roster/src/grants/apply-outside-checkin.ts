import { claimEvent, tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { parsePayload, TOPICS } from '@tongxin/events';
import { and, eq } from 'drizzle-orm';
import { changeMember } from '../ledger/change-member.ts';
import { noteContact } from '../mobility/last-contact.ts';
import { members, processedEvents } from '../schema.ts';
import { clearDestination } from './apply-checkin-event.ts';

/**
 * Consumer of `reporting.outside_checkin_confirmed` and `reporting.outside_checkin_ended`
 * (issue 17: a destination outside Tongxin confirms from its link). Enter once: the member
 * named the organization and its contact, the contact confirmed, so the ledger's destination
 * organization, leader and contact are filled as an accepted check-in fills them (a ledger
 * version under the same key, so ending clears only what it filled), and the confirmation is
 * the member's contact with the organization. No grant: nothing of the ledger goes to the
 * organization. In the member's county, exactly once (the event claimed in the transaction).
 */
export async function applyOutsideCheckinEvent(database: Database, event: DomainEvent, now: Date = new Date()): Promise<'applied' | 'duplicate' | 'ignored'> {
  const { topic } = event;
  if (topic !== TOPICS.reporting.outsideCheckinConfirmed && topic !== TOPICS.reporting.outsideCheckinEnded) return 'ignored';
  const tenantId = event.tenantId;
  return tenantTransaction(database, { tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, event))) return 'duplicate';
    if (topic === TOPICS.reporting.outsideCheckinEnded) {
      const p = parsePayload(topic, event.payload);
      await clearDestination(tx, tenantId, p.checkinId, p.memberId, now);
      return 'applied';
    }
    const p = parsePayload(TOPICS.reporting.outsideCheckinConfirmed, event.payload);
    const [member] = await tx.select({ status: members.status }).from(members).where(and(eq(members.tenantId, tenantId), eq(members.id, p.memberId)));
    if (!member || member.status === 'transferred_out') return 'ignored';
    await changeMember(tx, tenantId, p.memberId, {
      action: 'checkin_accepted',
      set: { destinationOrgName: p.orgName, destinationOrgLeader: p.contactName, destinationOrgContact: p.contactPhone },
      actor: { userId: null, role: 'system' },
      now,
      idempotencyKey: `checkin:${p.checkinId}:accepted`,
    });
    await noteContact(tx, { tenantId, memberId: p.memberId, at: new Date(p.confirmedAt), source: 'checkin' }, now);
    return 'applied';
  });
}
