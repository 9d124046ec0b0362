import { recordEvent, type Tx } from '@tongxin/db';
import type { Caller } from '@tongxin/trpc';
import { TOPICS, type OutsideCheckinEnded } from '@tongxin/events';
import { and, eq, sql } from 'drizzle-orm';
import { checkins, outbox, type CheckinStatus } from '../schema.ts';
import { CHECKIN_ENDED, type CheckinEnded } from './checkin-rules.ts';
import { findCheckin, loadCheckin, type CheckinRow } from './load-checkin.ts';
import { revokeLiveLinks } from './issue-checkin-link.ts';
import { DomainError } from '@tongxin/errors';

const CLOSED: readonly CheckinStatus[] = ['ended', 'withdrawn', 'refused'];

/**
 * Ends a check-in: the member moved on, or either side ends it (issue 6). RLS shows the row
 * exactly to those who may: the member, the home branch's secretaries and department, the
 * destination's secretaries and department. An accepted one becomes 'ended' and its grant is
 * revoked (roster consumes `reporting.checkin_ended`); one not yet accepted had no grant and
 * becomes 'withdrawn'. Ending twice answers as the first time.
 * The member's county updates its row itself; the destination's county, which may not
 * (issue 13 D), ends it through `reporting.end_checkin_as_destination` (end-checkin-as-destination.sql).
 */
export async function endCheckin(tx: Tx, caller: Caller, input: { checkinId: string; reason?: string | undefined }, now: Date): Promise<{ status: CheckinStatus }> {
  const own = await findCheckin(tx, input.checkinId, sql`${checkins.tenantId} = ${caller.tenantId}`, 'for update');
  const row = own ?? (await loadCheckin(tx, input.checkinId, sql`true`, 'no lock'));
  if (CLOSED.includes(row.status)) return { status: row.status };
  const reason = input.reason?.trim() || null;
  const status = own ? await endOwn(tx, caller, row, reason, now) : await endAsDestination(tx, row, reason, now);
  if (!status) return { status: (await loadCheckin(tx, row.id, sql`true`, 'no lock')).status };
  // An outside destination had no grant nor copy to end (issue 17): its link stops working,
  // and an ended confirmed one clears the ledger's destination its confirmation filled.
  if (row.destTenantId === null) {
    await revokeLiveLinks(tx, row.tenantId, row.id, now);
    if (status === 'ended') {
      const ended: OutsideCheckinEnded = { checkinId: row.id, memberId: row.memberId, endedAt: now.toISOString() };
      await recordEvent(tx, outbox, row.tenantId, TOPICS.reporting.outsideCheckinEnded, ended);
    }
    return { status };
  }
  if (status === 'ended') {
    const ended: CheckinEnded = { checkinId: row.id, memberTenantId: row.tenantId, memberId: row.memberId, endedBy: caller.userId, endedAt: now.toISOString() };
    // The caller's county: the member's or the destination's, whichever ended it.
    await recordEvent(tx, outbox, caller.tenantId, CHECKIN_ENDED, ended);
  }
  return { status };
}

async function endOwn(tx: Tx, caller: Caller, row: CheckinRow, reason: string | null, now: Date): Promise<CheckinStatus> {
  const status: CheckinStatus = row.status === 'accepted' ? 'ended' : 'withdrawn';
  await tx
    .update(checkins)
    // The ender's reason, or none: a destination's earlier return reason kept here would
    // read as the ender's (the member's page labels the reason by who ended it).
    .set({ status, reason, endedBy: caller.userId, endedAt: now, updatedAt: now })
    .where(and(eq(checkins.tenantId, row.tenantId), eq(checkins.id, row.id)));
  return status;
}

/**
 * The function re-checks the destination side and the state under its own lock; null when the
 * check-in closed meanwhile (the first ending answers).
 */
async function endAsDestination(tx: Tx, row: CheckinRow, reason: string | null, now: Date): Promise<CheckinStatus | null> {
  const { rows } = await tx.execute(
    sql`select reporting.end_checkin_as_destination(${row.id}::uuid, ${reason}::text, ${now.toISOString()}::timestamptz) as outcome`,
  );
  const outcome = (rows[0] as { outcome: string }).outcome;
  if (outcome === 'ended' || outcome === 'withdrawn') return outcome;
  if (outcome === 'not_open') return null;
  throw new DomainError('checkin_not_found', { message: 'No such check-in' });
}
