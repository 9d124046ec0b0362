import { seatsIn } from '@tongxin/copies';
import type { Tx } from '@tongxin/db';
import { deciderOf, refuseUnlessLevelAbove, type Caller } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { members, orgPaths, seats } from '../schema.ts';
import type { TransferRow } from './transfer-rules.ts';

/**
 * Only the level above decides a transfer (issue 13 C): a secretary who is the member being
 * transferred may not approve, accept or refuse it, and a member who holds a seat (secretary
 * or deputy) is decided only by the department or a seat above theirs, not by the secretary or
 * deputy of their own org (FORBIDDEN); the department takes either approval and accepts
 * within the county. The member's user id comes from roster's own record, which RLS shows a
 * caller who is that member; a caller of another county is another account and never the
 * member, and holds no seat of this county the member could have given.
 */
export async function refuseOwnTransfer(tx: Tx, caller: Caller, transfer: Pick<TransferRow, 'tenantId' | 'memberId'>): Promise<void> {
  if (caller.tenantId !== transfer.tenantId) return;
  const [member] = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.tenantId, transfer.tenantId), eq(members.id, transfer.memberId)));
  await refuseUnlessLevelAbove(deciderOf(caller), member?.userId, seatsIn(tx, seats, orgPaths, transfer.tenantId));
}
