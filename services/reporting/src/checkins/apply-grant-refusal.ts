import { claimEvent, recordEvent, tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { parsePayload, TOPICS, type GrantRefusalReason } from '@tongxin/events';
import { and, eq } from 'drizzle-orm';
import { notify } from '../notifications/notify.ts';
import { checkins, outbox, processedEvents } from '../schema.ts';
import { CHECKIN_ENDED, type CheckinEnded } from './checkin-rules.ts';

export const CHECKIN_GRANT_REFUSED = TOPICS.roster.checkinGrantRefused;

/** What the member reads on the check-in and in the inbox. */
export const GRANT_REFUSAL_REASONS: Record<GrantRefusalReason, string> = {
  org_closed: '该组织已撤销，无法报到',
  path_mismatch: '目的地组织信息不符',
};

/**
 * Consumer of `roster.checkin_grant_refused`: the destination accepted, but roster found the
 * org closed since the request (or not where the check-in said) and wrote no grant. Without
 * this the check-in would read 'accepted' with nothing behind it; so, in the member's county,
 * it becomes 'refused' with a reason and the member is told. The event id is claimed in the
 * same transaction (exactly once). A check-in no longer 'accepted' (the member ended it
 * meanwhile) is left as it is: there is nothing to refuse.
 * The acceptance had already been copied (tasks' and scoring's check-in copies hear
 * `reporting.checkin_accepted`), so the refusal ends it for them too: `reporting.checkin_ended`
 * is recorded with it, and every copy of a check-in is undone by every event that ends it
 * (issue 13: a member kept reading and claiming the tasks of an org that never took them).
 */
export async function applyGrantRefusal(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'skipped' | 'ignored'> {
  if (event.topic !== CHECKIN_GRANT_REFUSED) return 'ignored';
  const p = parsePayload(CHECKIN_GRANT_REFUSED, event.payload);
  const tenantId = p.memberTenantId;
  return tenantTransaction(database, { tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, { ...event, tenantId }))) return 'duplicate';
    const reason = GRANT_REFUSAL_REASONS[p.reason];
    const at = new Date(event.createdAt);
    const [row] = await tx
      .update(checkins)
      .set({ status: 'refused', reason, decidedBy: 'system', decidedAt: at, updatedAt: at })
      .where(and(eq(checkins.tenantId, tenantId), eq(checkins.id, p.checkinId), eq(checkins.status, 'accepted')))
      .returning({ userId: checkins.userId, memberId: checkins.memberId, destOrgName: checkins.destOrgName });
    if (!row) return 'skipped';
    const ended: CheckinEnded = { checkinId: p.checkinId, memberTenantId: tenantId, memberId: row.memberId, endedBy: 'system', endedAt: at.toISOString() };
    await recordEvent(tx, outbox, tenantId, CHECKIN_ENDED, ended);
    await notify(tx, {
      tenantId,
      userId: row.userId,
      kind: 'checkin_decision',
      notice: 'checkin_grant_refused',
      params: { org: row.destOrgName, reason: p.reason },
      subject: { type: 'checkin', id: p.checkinId },
      dedupeKey: `grant-refused:${p.checkinId}`,
      at,
    });
    return 'applied';
  });
}
