import { seatsIn } from '@tongxin/copies';
import { recordEvent, type Tx } from '@tongxin/db';
import { DECIDES_ABOUT_ONESELF, refuseUnlessLevelAbove, type Decider } from '@tongxin/trpc';
import { and, eq, sql } from 'drizzle-orm';
import { members, orgPaths, outbox, seats, type CheckinStatus } from '../schema.ts';
import {
  CHECKIN_ACCEPTED, CHECKIN_DECIDED, type CheckinAccepted, type CheckinDecided, type CheckinDecision,
} from './checkin-rules.ts';
import { directoryDestination, loadCheckin, sideCondition } from './load-checkin.ts';
import { DomainError, badField } from '@tongxin/errors';

const OUTCOME: Record<CheckinDecision, CheckinStatus> = { accept: 'accepted', refuse: 'refused', return: 'returned' };

export interface DecideInput {
  checkinId: string;
  decision: CheckinDecision;
  reason?: string | undefined;
}

/**
 * The destination decides a pending check-in. Brief: a destination may not turn a verified
 * member away; it declines only for a stated reason (identity not verifiable, or the wrong
 * organization, pointing to the right one), so refuse and return need a reason the member sees.
 * Only the destination side may decide: the member's own county sees the row but gets NOT_FOUND.
 * Accepting writes `reporting.checkin_accepted` to THIS county's outbox (the only tenant this
 * transaction may write); roster turns it into the grant in the member's county.
 * Only the level above decides (issue 13 C): nobody their own check-in, and a secretary's or
 * deputy's of this county only the department or a seat above theirs; else FORBIDDEN.
 * The row is the member's county's, which alone updates it (issue 13 D): the decision itself
 * is `reporting.decide_checkin` (decide-checkin.sql), which checks all of this again in the database.
 * The checks here give the caller its answer; the function's refusals map to the same ones.
 */
export async function decideCheckin(
  tx: Tx,
  caller: { tenantId: string; userId: string; name?: string | null; orgIds: readonly string[] | null },
  input: DecideInput,
  now: Date,
): Promise<{ status: CheckinStatus }> {
  const reason = input.reason?.trim() || null;
  if (input.decision !== 'accept' && !reason) throw badField('reason', 'reason_required');
  const row = await loadCheckin(tx, input.checkinId, sideCondition('destination', caller.tenantId, caller.orgIds), 'no lock');
  await refuseUnlessAbove(tx, { userId: caller.userId, orgIds: caller.orgIds ?? [], tenantWide: caller.orgIds === null }, row);
  const status = OUTCOME[input.decision];
  // A retried decision (same outcome, same person) answers as the first did.
  if (row.status === status && row.decidedBy === caller.userId) return { status };
  if (row.status !== 'pending') throw badField('checkinId', 'checkin_not_pending', { status: row.status });

  const { rows } = await tx.execute(
    sql`select reporting.decide_checkin(${row.id}::uuid, ${input.decision}::text, ${reason}::text, ${now.toISOString()}::timestamptz) as outcome`,
  );
  const outcome = (rows[0] as { outcome: string }).outcome;
  if (outcome !== status) throw decisionRefused(outcome);

  if (input.decision === 'accept') {
    const destination = directoryDestination(row);
    const accepted: CheckinAccepted = {
      checkinId: row.id,
      memberTenantId: row.tenantId,
      memberId: row.memberId,
      granteeTenantId: destination.tenantId,
      granteeOrgId: destination.orgId,
      granteeOrgPath: destination.orgPath,
      fields: row.grantFields,
      grantedBy: caller.userId,
      grantedAt: now.toISOString(),
      granteeOrgName: row.destOrgName,
      grantedByName: caller.name ?? null,
    };
    await recordEvent(tx, outbox, caller.tenantId, CHECKIN_ACCEPTED, accepted);
  }
  const decided: CheckinDecided = {
    checkinId: row.id,
    memberTenantId: row.tenantId,
    userId: row.userId,
    decision: input.decision,
    reason: input.decision === 'accept' ? null : reason,
    destOrgName: row.destOrgName,
    decidedAt: now.toISOString(),
  };
  await recordEvent(tx, outbox, caller.tenantId, CHECKIN_DECIDED, decided);
  return { status };
}

/**
 * The member's user id from this service's copy of the member when the member is of the
 * caller's county (RLS shows the caller their own record); a member of another county is
 * another account, but the row's user id (set from the member's session) is checked too.
 * Their seats are read in the member's county: for a member of another county RLS shows none,
 * and no one here holds a seat they could have given.
 */
async function refuseUnlessAbove(tx: Tx, decider: Decider, row: { tenantId: string; memberId: string; userId: string }) {
  const [member] = await tx.select({ userId: members.userId }).from(members).where(and(eq(members.tenantId, row.tenantId), eq(members.memberId, row.memberId)));
  await refuseUnlessLevelAbove(decider, member?.userId ?? row.userId, seatsIn(tx, seats, orgPaths, row.tenantId));
}

/** `reporting.decide_checkin`'s refusals, as the checks above answer them (reached only in a race). */
function decisionRefused(outcome: string): DomainError {
  switch (outcome) {
    case 'decides_about_oneself':
      return new DomainError('decides_about_oneself', { message: DECIDES_ABOUT_ONESELF });
    case 'reason_required':
      return badField('reason', 'reason_required');
    case 'not_pending':
      return badField('checkinId', 'checkin_not_pending');
    default:
      return new DomainError('checkin_not_found', { message: 'No such check-in' });
  }
}
