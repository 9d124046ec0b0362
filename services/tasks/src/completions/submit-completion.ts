import type { Tx } from '@tongxin/db';
import { and, eq, sql } from 'drizzle-orm';
import { claims, completions } from '../schema.ts';
import { DomainError, badField } from '@tongxin/errors';

export interface CompletionInput {
  claimId: string;
  note: string | null;
  amount: number | null;
  photoIds: string[];
  response: string | null;
  idempotencyKey: string;
}

/**
 * The member reports their claim done, with the evidence the claim promised to ask for
 * (not what a later edit of the task asks): a photo when required (and none when none was
 * asked: brief, "evidence only where it matters"), the number, a sentence. After a rejection
 * they resubmit as a new version with a response. A study task needs only the member's
 * confirmation and is approved as it is submitted (see tasks.submit_completion, submit-completion.sql,
 * which writes the completion in the task's county, possibly another one, read from the claim).
 */
export async function submitCompletion(tx: Tx, me: { tenantId: string; userId: string }, input: CompletionInput, now: Date) {
  const [claim] = await tx
    .select({ tenantId: claims.tenantId, status: claims.status, evidence: claims.evidence, kind: claims.taskKind })
    .from(claims)
    .where(and(eq(claims.memberTenantId, me.tenantId), eq(claims.userId, me.userId), eq(claims.id, input.claimId)));
  if (!claim) throw new DomainError('claim_not_found', { message: 'No such claim of yours' });

  const [retried] = await tx
    .select({ completionId: completions.id, version: completions.version, decision: completions.decision })
    .from(completions)
    .where(and(eq(completions.tenantId, claim.tenantId), eq(completions.claimId, input.claimId), eq(completions.idempotencyKey, input.idempotencyKey)));
  if (retried) return { completionId: retried.completionId, version: retried.version, status: retried.decision === 'approved' ? ('approved' as const) : ('submitted' as const) };

  if (claim.status !== 'active' && claim.status !== 'rejected') throw badField('claimId', 'claim_not_active', { status: claim.status });
  const photoIds = [...new Set(input.photoIds)];
  if (claim.kind !== 'study') {
    const { evidence } = claim;
    if (evidence.photo === 'required' && photoIds.length === 0) throw badField('photos', 'photo_required', { reason: evidence.photoReason ?? '' });
    if (evidence.photo === 'none' && photoIds.length > 0) throw badField('photos', 'no_photo_asked');
    if (evidence.number && input.amount === null) throw badField('amount', 'required');
    if (evidence.text && !input.note) throw badField('note', 'required');
  }

  const { rows } = await tx.execute(sql`select completion, completion_version, outcome from tasks.submit_completion(
    ${input.claimId}::uuid, ${input.note}, ${input.amount}::numeric, ${`{${photoIds.join(',')}}`}::uuid[],
    ${claim.status === 'rejected' ? input.response : null}, ${input.idempotencyKey}, ${now.toISOString()}::timestamptz)`);
  const row = rows[0] as { completion: string | null; completion_version: number | null; outcome: string };
  if (row.outcome === 'not_found') throw new DomainError('claim_not_found', { message: 'No such claim of yours' });
  if (row.outcome === 'photos') throw badField('photos', 'photos_not_yours');
  if (!row.completion) throw badField('claimId', 'claim_not_active', { status: row.outcome });
  return { completionId: row.completion, version: row.completion_version!, status: row.outcome as 'submitted' | 'approved' };
}
