import { tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { parsePayload } from '@tongxin/events';
import { notify } from '../notifications/notify.ts';
import { CHECKIN_DECIDED, type CheckinDecided } from './checkin-rules.ts';

const NOTICES = { accept: 'checkin_accepted', refuse: 'checkin_refused', return: 'checkin_returned' } as const satisfies Record<CheckinDecided['decision'], string>;

/**
 * Consumer of `reporting.checkin_decided`: puts the decision in the member's inbox. The
 * decision was taken in the destination county's transaction, which may not write the
 * member's county (a notification's tenant is the member's); so the member's county writes
 * it from the event. Until then the member sees the decision on the check-in itself. The
 * dedupe key (check-in, decision, time) makes a redelivery a no-op while a second return
 * after a resubmission is a new message.
 */
export async function applyCheckinDecision(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
  if (event.topic !== CHECKIN_DECIDED) return 'ignored';
  const p = parsePayload(CHECKIN_DECIDED, event.payload);
  const { created } = await tenantTransaction(database, { tenantId: p.memberTenantId, tenantWide: true }, (tx) =>
    notify(tx, {
      tenantId: p.memberTenantId,
      userId: p.userId,
      kind: 'checkin_decision',
      notice: NOTICES[p.decision],
      params: { org: p.destOrgName },
      body: p.reason,
      subject: { type: 'checkin', id: p.checkinId },
      dedupeKey: `checkin:${p.checkinId}:${p.decision}:${p.decidedAt}`,
      at: new Date(p.decidedAt),
    }),
  );
  return created ? 'applied' : 'duplicate';
}
