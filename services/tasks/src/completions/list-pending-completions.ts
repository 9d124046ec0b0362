import type { Tx } from '@tongxin/db';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { claims, completions } from '../schema.ts';
import { staffScope, type Evidence, type TargetUnit, type TaskKind } from '../schema/scope.ts';
import { toCompletionView, type CompletionView } from './completion-view.ts';

export interface PendingCompletion extends CompletionView {
  completionId: string;
  taskTenantId: string;
  claimId: string;
  taskId: string;
  taskTitle: string;
  taskKind: TaskKind;
  orgName: string;
  memberName: string;
  memberTenantId: string;
  /** What the claim promised: the evidence asked for and the target's unit. */
  evidence: Evidence;
  target: { amount: number; unit: TargetUnit } | null;
  points: number;
  /** Why the version before this one was sent back, which the member's `response` answers. */
  previousReason: string | null;
}

/**
 * Completions waiting for the caller's review (publisher orgs in their subtree; the department: the county), oldest first.
 * The caller's own completions are left out: the level above reviews them (see review-completion.ts).
 */
export async function listPendingCompletions(tx: Tx, me: { tenantId: string; userId: string }): Promise<PendingCompletion[]> {
  const tenantId = me.tenantId;
  const rows = await tx
    .select({ completion: completions, claim: claims })
    .from(completions)
    .innerJoin(claims, and(eq(claims.tenantId, completions.tenantId), eq(claims.id, completions.claimId)))
    .where(and(eq(completions.tenantId, tenantId), isNull(completions.decision), eq(claims.status, 'submitted'), ne(claims.userId, me.userId), staffScope(completions.taskOrgPath)))
    .orderBy(asc(completions.submittedAt), asc(completions.id))
    .limit(500);
  const previous = await previousReasons(tx, tenantId, rows.filter((r) => r.completion.version > 1).map((r) => r.completion.claimId));
  return rows.map(({ completion, claim }) => ({
    ...toCompletionView(completion),
    completionId: completion.id,
    taskTenantId: completion.tenantId,
    claimId: claim.id,
    taskId: claim.taskId,
    taskTitle: claim.taskTitle,
    taskKind: claim.taskKind,
    orgName: claim.taskOrgName,
    memberName: claim.memberName,
    memberTenantId: claim.memberTenantId,
    evidence: claim.evidence,
    target: claim.targetAmount !== null && claim.targetUnit !== null ? { amount: claim.targetAmount, unit: claim.targetUnit } : null,
    points: claim.points,
    previousReason: previous.get(`${completion.claimId}:${completion.version - 1}`) ?? null,
  }));
}

/** The rejection reasons of the resubmitted claims' earlier versions, by `claimId:version`. */
async function previousReasons(tx: Tx, tenantId: string, claimIds: string[]): Promise<Map<string, string | null>> {
  if (claimIds.length === 0) return new Map();
  const rows = await tx
    .select({ claimId: completions.claimId, version: completions.version, reason: completions.reason })
    .from(completions)
    .where(and(eq(completions.tenantId, tenantId), inArray(completions.claimId, claimIds), eq(completions.decision, 'rejected')));
  return new Map(rows.map((r) => [`${r.claimId}:${r.version}`, r.reason]));
}
