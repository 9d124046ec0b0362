import { recordEvent, type Tx } from '@tongxin/db';
import type { Caller } from '@tongxin/trpc';
import { and, eq, sql } from 'drizzle-orm';
import { checkins, outbox, type CheckinStatus } from '../schema.ts';
import { CHECKIN_ENDED, type CheckinEnded } from './checkin-rules.ts';
import { loadCheckinForUpdate } from './load-checkin.ts';

/**
 * Ends a check-in: the member moved on, or either side ends it (issue 6). RLS shows the row
 * exactly to those who may: the member, the home branch's secretaries and department, the
 * destination's secretaries and department. An accepted one becomes 'ended' and its grant is
 * revoked (roster consumes `reporting.checkin_ended`); one not yet accepted had no grant and
 * becomes 'withdrawn'. Ending twice answers as the first time.
 */
export async function endCheckin(tx: Tx, caller: Caller, input: { checkinId: string; reason?: string | undefined }, now: Date): Promise<{ status: CheckinStatus }> {
  const row = await loadCheckinForUpdate(tx, input.checkinId, sql`true`);
  if (row.status === 'ended' || row.status === 'withdrawn' || row.status === 'refused') return { status: row.status };
  const status: CheckinStatus = row.status === 'accepted' ? 'ended' : 'withdrawn';
  await tx
    .update(checkins)
    .set({ status, reason: input.reason?.trim() || row.reason, endedBy: caller.userId, endedAt: now, updatedAt: now })
    .where(and(eq(checkins.tenantId, row.tenantId), eq(checkins.id, row.id)));
  if (status === 'ended') {
    const ended: CheckinEnded = { checkinId: row.id, memberTenantId: row.tenantId, memberId: row.memberId, endedBy: caller.userId, endedAt: now.toISOString() };
    // The caller's county: the member's or the destination's, whichever ended it.
    await recordEvent(tx, outbox, caller.tenantId, CHECKIN_ENDED, ended);
  }
  return { status };
}
