import type { Tx } from '@tongxin/db';
import { refuseDecidingAboutOneself, type Caller } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { members } from '../schema.ts';
import type { TransferRow } from './transfer-rules.ts';

/**
 * Nobody decides their own transfer: a secretary who is the member being transferred may not
 * approve, accept or refuse it (FORBIDDEN); the level above does (the department takes either
 * approval and accepts within the county). The member's user id comes from roster's own
 * record, which RLS shows a caller who is that member; a caller of another county is another
 * account and never the member.
 */
export async function refuseOwnTransfer(tx: Tx, caller: Caller, transfer: Pick<TransferRow, 'tenantId' | 'memberId'>): Promise<void> {
  if (caller.tenantId !== transfer.tenantId) return;
  const [member] = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.tenantId, transfer.tenantId), eq(members.id, transfer.memberId)));
  refuseDecidingAboutOneself(caller.userId, member?.userId);
}
