import type { Tx } from '@tongxin/db';
import { and, eq, ne } from 'drizzle-orm';
import { members } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

export type MemberRow = typeof members.$inferSelect;

/** The calling member's own reporting.members row (kept from roster's events). */
export async function findMe(tx: Tx, userId: string): Promise<MemberRow> {
  const [me] = await tx.select().from(members).where(and(eq(members.userId, userId), ne(members.status, 'transferred_out')));
  if (!me) throw new DomainError('no_member_record', { message: 'No member record for this user in this county yet' });
  return me;
}
