import type { Tx } from '@tongxin/db';
import { desc, eq } from 'drizzle-orm';
import { members, sensitiveReads } from '../schema.ts';

/**
 * The full ID-card number for staff, logged in the same transaction: no read without its
 * trace. Null when the member is outside the caller's scope (RLS).
 */
export async function revealIdCard(tx: Tx, tenantId: string, memberId: string, actorUserId: string, now: Date) {
  const [row] = await tx.select({ idCardNumber: members.idCardNumber }).from(members).where(eq(members.id, memberId));
  if (!row) return null;
  // No RETURNING: only the department may read the log back (read_log_audit policy).
  if (row.idCardNumber) await tx.insert(sensitiveReads).values({ tenantId, memberId, field: 'idCardNumber', actorUserId, at: now });
  return { idCardNumber: row.idCardNumber };
}

/** Who read a member's full ID-card number, newest first (the department's audit). */
export async function listIdCardReads(tx: Tx, memberId: string) {
  const rows = await tx
    .select({ at: sensitiveReads.at, actorUserId: sensitiveReads.actorUserId, field: sensitiveReads.field })
    .from(sensitiveReads)
    .where(eq(sensitiveReads.memberId, memberId))
    .orderBy(desc(sensitiveReads.at), desc(sensitiveReads.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
