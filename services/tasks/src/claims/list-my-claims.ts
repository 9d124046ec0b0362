import type { Tx } from '@tongxin/db';
import { and, desc, eq } from 'drizzle-orm';
import { claims, publishedTasks } from '../schema.ts';
import type { ClaimStatus, Evidence, TargetUnit, TaskKind } from '../schema/scope.ts';
import { latestCompletions, type CompletionView } from '../completions/completion-view.ts';
import type { Me } from '../tasks/list-tasks-for-me.ts';

export interface MyClaimView {
  claimId: string;
  taskTenantId: string;
  taskId: string;
  title: string;
  kind: TaskKind;
  orgName: string;
  status: ClaimStatus;
  /** What was promised when claiming. */
  points: number;
  deadline: string;
  evidence: Evidence;
  target: { amount: number; unit: TargetUnit } | null;
  /** The task was edited after the claim; the claim keeps what it promised. */
  taskChanged: boolean;
  claimedAt: string;
  completion: CompletionView | null;
}

/**
 * My claims in every county, newest first, with what each promised and its latest completion
 * (a rejection's reason included). Title and publisher are the claim's own copy, so a claim
 * stays readable after a check-in ends and the task no longer reaches me.
 */
export async function listMyClaims(tx: Tx, me: Me): Promise<MyClaimView[]> {
  const rows = await tx
    .select({ claim: claims, taskVersion: publishedTasks.version })
    .from(claims)
    .leftJoin(publishedTasks, and(eq(publishedTasks.tenantId, claims.tenantId), eq(publishedTasks.id, claims.taskId)))
    .where(and(eq(claims.memberTenantId, me.tenantId), eq(claims.userId, me.userId)))
    .orderBy(desc(claims.claimedAt), desc(claims.id))
    .limit(500);
  const byTenant = new Map<string, string[]>();
  for (const { claim } of rows) byTenant.set(claim.tenantId, [...(byTenant.get(claim.tenantId) ?? []), claim.id]);
  const latest = new Map<string, CompletionView>();
  for (const [tenantId, ids] of byTenant) for (const [id, view] of await latestCompletions(tx, tenantId, ids)) latest.set(`${tenantId}/${id}`, view);
  return rows.map(({ claim, taskVersion }) => ({
    claimId: claim.id,
    taskTenantId: claim.tenantId,
    taskId: claim.taskId,
    title: claim.taskTitle,
    kind: claim.taskKind,
    orgName: claim.taskOrgName,
    status: claim.status,
    points: claim.points,
    deadline: claim.deadline.toISOString(),
    evidence: claim.evidence,
    target: claim.targetAmount !== null && claim.targetUnit !== null ? { amount: claim.targetAmount, unit: claim.targetUnit } : null,
    taskChanged: taskVersion !== null && taskVersion > claim.taskVersion,
    claimedAt: claim.claimedAt.toISOString(),
    completion: latest.get(`${claim.tenantId}/${claim.id}`) ?? null,
  }));
}

