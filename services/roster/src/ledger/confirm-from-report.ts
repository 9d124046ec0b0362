import { DomainError } from '@tongxin/errors';
import { claimEvent, tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { processedEvents } from '../schema.ts';
import { changeMember } from './change-member.ts';

/** `reporting.monthly_report_submitted` as reporting records it (services may share only types of events, not code). */
interface MonthlyReportSubmitted {
  reportId: string;
  memberId: string;
  userId: string;
  period: string;
  ledgerUnchanged: boolean;
}

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
  if (event.topic !== 'reporting.monthly_report_submitted') return 'ignored';
  const payload = event.payload as MonthlyReportSubmitted;
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
