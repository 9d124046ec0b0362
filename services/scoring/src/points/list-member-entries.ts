import type { Tx } from '@tongxin/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { members } from '../schema.ts';
import { memberEntries } from './entry-view.ts';

/** Every entry of one member the caller holds (RLS: a secretary's subtree, the department's county). */
export async function listMemberEntries(tx: Tx, memberId: string) {
  const [member] = await tx.select({ memberId: members.memberId }).from(members).where(eq(members.memberId, memberId));
  if (!member) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such member in your organizations' });
  return memberEntries(tx, memberId);
}
