import { DomainError } from '@tongxin/errors';
import { claimEvent, tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { parsePayload, TOPICS } from '@tongxin/events';
import { processedEvents } from '../schema.ts';
import { changeMember } from './change-member.ts';

/**
 * Enter once (brief, burden rules): a monthly report saying "ledger unchanged" confirms the
 * member's ledger, as the member's one-tap confirmation would. Applied once per event
 * (roster.processed_events) and once per report (the idempotency key), in the event's tenant.
 */
export async function confirmLedgerFromReport(
  database: Database,
  event: DomainEvent,
  now: Date = new Date(),
): Promise<'applied' | 'duplicate' | 'ignored'> {
  if (event.topic !== TOPICS.reporting.monthlyReportSubmitted) return 'ignored';
  const payload = parsePayload(TOPICS.reporting.monthlyReportSubmitted, event.payload);
  if (!payload.ledgerUnchanged) return 'ignored';
  return tenantTransaction(database, { tenantId: event.tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, event))) return 'duplicate';
    try {
      await changeMember(tx, event.tenantId, payload.memberId, {
        action: 'confirmed',
        set: {},
        confirmLedger: true,
        actor: { userId: payload.userId, role: 'member' },
        now,
        idempotencyKey: `report:${payload.reportId}`,
      });
    } catch (error) {
      // A member no longer on this county's roster (transferred away meanwhile): nothing to confirm.
      if (error instanceof DomainError && error.code === 'member_not_found') return 'ignored';
      throw error;
    }
    return 'applied';
  });
}
