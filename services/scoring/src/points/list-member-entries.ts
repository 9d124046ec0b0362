import type { Tx } from '@tongxin/db';
import { eq } from 'drizzle-orm';
import { members } from '../schema.ts';
import { memberEntries } from './entry-view.ts';
import { DomainError } from '@tongxin/errors';

/** Every entry of one member the caller holds (RLS: a secretary's subtree, the department's county). */
export async function listMemberEntries(tx: Tx, memberId: string) {
  const [member] = await tx.select({ memberId: members.memberId }).from(members).where(eq(members.memberId, memberId));
  if (!member) throw new DomainError('member_not_found', { message: 'No such member in your organizations' });
  return memberEntries(tx, memberId);
}
