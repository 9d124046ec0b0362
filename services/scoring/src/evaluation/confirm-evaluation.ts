import type { Tx } from '@tongxin/db';
import { seatsIn } from '@tongxin/copies';
import { refuseUnlessLevelAbove, type Decider } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { evaluationChanges, evaluations, members, orgPaths, seats, type Grade } from '../schema.ts';
import { listEvaluations } from './list-evaluations.ts';
import { DomainError, badField } from '@tongxin/errors';

export interface ConfirmEvaluationInput {
  year: number;
  memberId: string;
  grade: Grade;
  reason?: string | null | undefined;
}

/**
 * The branch confirms the proposal or sets another grade, which needs a reason (issue 7:
 * "which the branch confirms or overrides with a reason"); where there is no proposal, the
 * branch's grade from its democratic appraisal is recorded as it is. Each decision leaves a history
 * row; a retry of the same decision by the same person changes nothing. Only the level
 * above confirms a grade (issue 13 C): nobody their own, and a secretary's or deputy's only
 * the department or a seat above theirs; else FORBIDDEN.
 */
export async function confirmEvaluation(tx: Tx, actor: Decider & { tenantId: string; name: string | null }, input: ConfirmEvaluationInput, now: Date) {
  const [row] = await tx
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.year, input.year), eq(evaluations.memberId, input.memberId)))
    .for('update');
  if (!row) throw new DomainError('evaluation_not_proposed', { message: 'No proposal for this member and year in your organizations: propose first' });
  const [member] = await tx.select({ userId: members.userId }).from(members).where(eq(members.memberId, row.memberId));
  await refuseUnlessLevelAbove(actor, member?.userId, seatsIn(tx, seats, orgPaths, actor.tenantId));
  const reason = input.reason?.trim() || null;
  // Without a proposal the branch decides (issue 17): no reason is owed for differing from none.
  if (row.proposedGrade !== null && input.grade !== row.proposedGrade && !reason) throw badField('reason', 'reason_required');

  const retry = row.finalGrade === input.grade && row.confirmedBy === actor.userId && row.reason === reason;
  if (!retry) {
    await tx
      .update(evaluations)
      .set({ finalGrade: input.grade, reason, confirmedBy: actor.userId, confirmedByName: actor.name, confirmedAt: now })
      .where(and(eq(evaluations.tenantId, row.tenantId), eq(evaluations.year, row.year), eq(evaluations.memberId, row.memberId)));
    await tx.insert(evaluationChanges).values({
      tenantId: row.tenantId, year: row.year, memberId: row.memberId, action: 'confirmed', proposedGrade: row.proposedGrade,
      finalGrade: input.grade, reason, by: actor.userId, byName: actor.name, at: now,
    });
  }
  const [view] = await listEvaluations(tx, input.year, undefined, input.memberId);
  return view!;
}

