import type { Tx } from '@tongxin/db';
import { and, desc, eq } from 'drizzle-orm';
import { idCardLookups, members, sensitiveReads } from '../schema.ts';

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

/**
 * Who read a member's full ID-card number, newest first (the department's audit): the reveals
 * and full exports (`idCardNumber`), and the searches by the whole number that found the member
 * (`idCardSearch`, issue 13 B), since a hit confirms a number guessed from the mask.
 */
export async function listIdCardReads(tx: Tx, memberId: string) {
  const reads = await tx
    .select({ at: sensitiveReads.at, actorUserId: sensitiveReads.actorUserId, field: sensitiveReads.field })
    .from(sensitiveReads)
    .where(eq(sensitiveReads.memberId, memberId))
    .orderBy(desc(sensitiveReads.at), desc(sensitiveReads.id));
  const searches = await tx
    .select({ at: idCardLookups.at, actorUserId: idCardLookups.actorUserId })
    .from(idCardLookups)
    .where(and(eq(idCardLookups.memberId, memberId), eq(idCardLookups.kind, 'search')))
    .orderBy(desc(idCardLookups.at), desc(idCardLookups.id));
  return [...reads, ...searches.map((s) => ({ ...s, field: 'idCardSearch' }))]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .map((r) => ({ ...r, at: r.at.toISOString() }));
}
