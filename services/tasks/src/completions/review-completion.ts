import { seatsIn } from '@tongxin/copies';
import { inOrgScope, recordEvent, type Tx } from '@tongxin/db';
import type { Caller } from '@tongxin/trpc';
import { deciderOf, refuseUnlessLevelAbove, scopeOf } from '@tongxin/trpc';
import { and, eq, isNull } from 'drizzle-orm';
import { TASKS_TOPICS, type TaskCompletionApproved, type TaskCompletionRejected } from '../events.ts';
import { claims, completions, orgPaths, outbox, seats } from '../schema.ts';
import { DomainError, badField } from '@tongxin/errors';

export interface ReviewInput {
  completionId: string;
  decision: 'approve' | 'reject';
  reason: string | null;
}

/**
 * A secretary of the publisher (an org on the task's path) or the department approves a
 * completion or rejects it with a reason the member sees and can answer. Approval records
 * tasks.completion_approved with the points promised at the claim, once per claim: the
 * claim moves from submitted only once, and a unique index allows one approved completion.
 * A rejection records tasks.completion_rejected, so the member hears of it. Only the level
 * above reviews (issue 13 C): no one their own completion, and a secretary's or deputy's only
 * the department or a seat above theirs (not the deputy they appointed); else FORBIDDEN.
 * A reviewer who cannot see it gets NOT_FOUND; one who sees it as the member's home
 * secretary, not the publisher's, gets FORBIDDEN.
 */
export async function reviewCompletion(tx: Tx, caller: Caller, input: ReviewInput, now: Date): Promise<{ status: 'approved' | 'rejected' }> {
  const notFound = new DomainError('completion_not_found', { message: 'No such completion' });
  const [row] = await tx
    .select({ completion: completions, claim: claims })
    .from(completions)
    .innerJoin(claims, and(eq(claims.tenantId, completions.tenantId), eq(claims.id, completions.claimId)))
    .where(and(eq(completions.tenantId, caller.tenantId), eq(completions.id, input.completionId)));
  if (!row) throw notFound;
  const { completion, claim } = row;
  if (!inOrgScope(claim.taskOrgPath, scopeOf(caller))) throw new DomainError('not_your_org', { message: 'Only the publishing organization reviews this completion' });
  await refuseUnlessLevelAbove(deciderOf(caller), claim.userId, seatsIn(tx, seats, orgPaths, caller.tenantId));

  const status = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const);
  if (completion.decision) {
    if (completion.decision === status) return { status }; // a retried review
    throw new DomainError('changed_meanwhile', { params: { status: completion.decision }, message: `This completion was already ${completion.decision}` });
  }
  if (status === 'rejected' && !input.reason) throw badField('reason', 'reason_required');

  const [decided] = await tx
    .update(completions)
    .set({ decision: status, reason: status === 'rejected' ? input.reason : null, decidedBy: caller.userId, decidedAt: now })
    .where(and(eq(completions.tenantId, caller.tenantId), eq(completions.id, completion.id), isNull(completions.decision)))
    .returning({ id: completions.id });
  const [moved] = await tx
    .update(claims)
    .set({ status, updatedAt: now })
    .where(and(eq(claims.tenantId, caller.tenantId), eq(claims.id, claim.id), eq(claims.status, 'submitted')))
    .returning({ id: claims.id });
  if (!decided || !moved) throw new DomainError('changed_meanwhile', { message: 'This completion was decided meanwhile' });

  if (status === 'approved') {
    const payload: TaskCompletionApproved = {
      claimId: claim.id,
      completionId: completion.id,
      taskId: claim.taskId,
      taskTitle: claim.taskTitle,
      taskKind: claim.taskKind,
      taskOrgId: claim.taskOrgId,
      points: claim.points,
      amount: completion.amount,
      unit: claim.targetUnit,
      memberTenantId: claim.memberTenantId,
      memberId: claim.memberId,
      userId: claim.userId,
      approvedAt: now.toISOString(),
    };
    await recordEvent(tx, outbox, caller.tenantId, TASKS_TOPICS.completionApproved, payload);
  } else {
    const payload: TaskCompletionRejected = {
      claimId: claim.id,
      completionId: completion.id,
      taskId: claim.taskId,
      taskTitle: claim.taskTitle,
      reason: input.reason!,
      memberTenantId: claim.memberTenantId,
      memberId: claim.memberId,
      userId: claim.userId,
      rejectedAt: now.toISOString(),
    };
    await recordEvent(tx, outbox, caller.tenantId, TASKS_TOPICS.completionRejected, payload);
  }
  return { status };
}
