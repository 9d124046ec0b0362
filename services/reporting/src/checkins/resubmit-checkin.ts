import type { Tx } from '@tongxin/db';
import { and, eq, sql } from 'drizzle-orm';
import { checkins } from '../schema.ts';
import { badField } from '@tongxin/errors';

export interface ResubmitInput {
  checkinId: string;
  note: string;
  idempotencyKey: string;
}

/**
 * The member answers a check-in the destination returned for more information: it is pending
 * again with the new note. The key replaces the request's on the row, so a retried resubmit
 * is recognised (and a retried original request, days later, finds the open check-in instead).
 */
export async function resubmitCheckin(tx: Tx, tenantId: string, userId: string, input: ResubmitInput, now: Date): Promise<{ status: 'pending' }> {
  const [row] = await tx
    .select({ status: checkins.status, idempotencyKey: checkins.idempotencyKey })
    .from(checkins)
    .where(and(eq(checkins.tenantId, tenantId), eq(checkins.userId, userId), eq(checkins.id, input.checkinId)))
    .for('update');
  if (!row) throw badField('checkinId', 'checkin_not_found');
  if (row.status === 'pending' && row.idempotencyKey === input.idempotencyKey) return { status: 'pending' };
  if (row.status !== 'returned') throw badField('checkinId', 'checkin_not_returned', { status: row.status });
  await tx
    .update(checkins)
    .set({ status: 'pending', note: input.note, idempotencyKey: input.idempotencyKey, updatedAt: now, decidedBy: null, decidedAt: null })
    .where(and(eq(checkins.tenantId, tenantId), eq(checkins.id, input.checkinId), sql`status = 'returned'`));
  return { status: 'pending' };
}
