import type { Tx } from '@tongxin/db';
import { and, asc, eq } from 'drizzle-orm';
import { claims } from '../schema.ts';
import type { ClaimStatus } from '../schema/scope.ts';
import { latestCompletions, type CompletionView } from '../completions/completion-view.ts';
import { findManagedTaskView } from './list-managed-tasks.ts';
import { DomainError } from '@tongxin/errors';

export interface ProgressClaim {
  claimId: string;
  memberName: string;
  /** The member's county: another one for a flow organization's checked-in members. */
  memberTenantId: string;
  status: ClaimStatus;
  claimedAt: string;
  completion: CompletionView | null;
}

/** A task the caller manages, its claims (who, when, where they are) and each claim's latest completion. */
export async function taskProgress(tx: Tx, tenantId: string, taskId: string) {
  const task = await findManagedTaskView(tx, tenantId, taskId);
  if (!task) throw new DomainError('task_not_found', { message: 'No such task among those you manage' });
  const rows = await tx
    .select({ claimId: claims.id, memberName: claims.memberName, memberTenantId: claims.memberTenantId, status: claims.status, claimedAt: claims.claimedAt })
    .from(claims)
    .where(and(eq(claims.tenantId, tenantId), eq(claims.taskId, taskId)))
    .orderBy(asc(claims.claimedAt), asc(claims.id));
  const completionsByClaim = await latestCompletions(tx, tenantId, rows.map((r) => r.claimId));
  const list: ProgressClaim[] = rows.map((r) => ({ ...r, claimedAt: r.claimedAt.toISOString(), completion: completionsByClaim.get(r.claimId) ?? null }));
  return { task, claims: list };
}
