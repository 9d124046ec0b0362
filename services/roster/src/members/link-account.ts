import type { Tx } from '@tongxin/db';
import { and, eq, ne } from 'drizzle-orm';
import { announceMemberUpdated } from '../ledger/change-member.ts';
import { members } from '../schema.ts';

/**
 * Sets (or with null clears) the identity account a member logs in with, from identity's
 * events. Not a ledger change, so no member version (identity audits the activation); but a
 * `roster.member_updated`, so every copy of the member (reporting's, tasks', scoring's)
 * learns the user id its member procedures find the member by. An account belongs to one
 * member of the county: another member holding it lets go first. False when the member is
 * not (or no longer) in the roster, or already linked so.
 */
export async function linkAccount(tx: Tx, tenantId: string, memberId: string, userId: string | null, now: Date): Promise<boolean> {
  const [member] = await tx.select({ userId: members.userId }).from(members).where(and(eq(members.tenantId, tenantId), eq(members.id, memberId))).for('update');
  if (!member || member.userId === userId) return false;
  if (userId) {
    const holders = await tx
      .update(members)
      .set({ userId: null, updatedAt: now })
      .where(and(eq(members.tenantId, tenantId), eq(members.userId, userId), ne(members.id, memberId)))
      .returning({ id: members.id });
    for (const holder of holders) await announceMemberUpdated(tx, tenantId, holder.id);
  }
  await tx.update(members).set({ userId, updatedAt: now }).where(and(eq(members.tenantId, tenantId), eq(members.id, memberId)));
  await announceMemberUpdated(tx, tenantId, memberId);
  return true;
}
