import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { DomainError, badField } from '@tongxin/errors';

/**
 * The member gives their place back before the deadline they were promised. Through
 * `tasks.release_place` (release-place.sql, which reads the claim's county from the claim) for the same reason as claiming: the claim, the counter
 * and tasks.claim_withdrawn may be in another county. Withdrawing again answers the same.
 * A completion already submitted or approved can no longer be withdrawn.
 */
export async function withdrawClaim(tx: Tx, claimId: string, now: Date): Promise<{ status: 'withdrawn' }> {
  const { rows } = await tx.execute(sql`select tasks.release_place(${claimId}::uuid, ${now.toISOString()}::timestamptz) as outcome`);
  const outcome = (rows[0] as { outcome: string }).outcome;
  if (outcome === 'not_found') throw new DomainError('claim_not_found', { message: 'No such claim of yours' });
  if (outcome !== 'withdrawn') throw badField('claimId', 'claim_not_active', { status: outcome });
  return { status: 'withdrawn' };
}
