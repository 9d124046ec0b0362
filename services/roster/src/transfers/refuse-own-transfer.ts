import { seatsIn } from '@tongxin/copies';
import type { Tx } from '@tongxin/db';
import { deciderOf, refuseUnlessLevelAbove, type Caller } from '@tongxin/trpc';
import { and, eq, sql } from 'drizzle-orm';
import { widenOrgScope } from '../mobility/widen-org-scope.ts';
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
export async function refuseOwnTransfer(tx: Tx, caller: Caller, transfer: Pick<TransferRow, 'tenantId' | 'memberId' | 'fromBranchId'>): Promise<void> {
  if (caller.tenantId !== transfer.tenantId) return;
  // The receiving branch's secretary cannot see the member in the origin branch; the transfer
  // they see entitles them to learn whose it is (as accepting it moves the member), so the
  // scope is widened for this one read and put back.
  const [held] = (await tx.execute(sql`select current_setting('app.org_ids', true) as scope`)).rows as { scope: string | null }[];
  await widenOrgScope(tx, caller, [transfer.fromBranchId]);
  const [member] = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.tenantId, transfer.tenantId), eq(members.id, transfer.memberId)));
  await tx.execute(sql`select set_config('app.org_ids', ${held?.scope ?? ''}, true)`);
  await refuseUnlessLevelAbove(deciderOf(caller), member?.userId, seatsIn(tx, seats, orgPaths, transfer.tenantId));
}
