import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { DomainError, badField } from '@tongxin/errors';

export interface ClaimRequest {
  taskId: string;
  idempotencyKey: string;
}

/**
 * Claims a task for the calling member, also a flow organization's task in another county.
 * The work is `tasks.take_place` (take-place.sql): one SECURITY DEFINER function that
 * re-checks who calls, finds the task in their county or their standing check-in's (the
 * caller names only the task) and whether it reaches them, takes the place with a conditional
 * update of the counter (no oversell, whatever the concurrency), writes the claim with what
 * it promises and records tasks.claimed, all in this transaction. A retry, or a second claim
 * of the same task, answers with the claim already made (created: false, no second event).
 */
export async function claimTask(tx: Tx, request: ClaimRequest, now: Date): Promise<{ claimId: string; created: boolean }> {
  const { rows } = await tx.execute(
    sql`select claim, created, refusal from tasks.take_place(${request.taskId}::uuid, ${request.idempotencyKey}, ${now.toISOString()}::timestamptz)`,
  );
  const row = rows[0] as { claim: string | null; created: boolean; refusal: 'not_found' | 'closed' | 'expired' | 'full' | null };
  if (row.refusal === 'not_found') throw new DomainError('task_not_found', { message: 'No such task' });
  // Machine codes: the member's view says them in words.
  if (row.refusal) throw badField('taskId', row.refusal === 'expired' ? 'claim_expired' : row.refusal === 'full' ? 'task_full' : 'task_closed');
  return { claimId: row.claim!, created: row.created };
}
