import { seatsIn } from '@tongxin/copies';
import type { Tx } from '@tongxin/db';
import { deciderOf, refuseUnlessLevelAbove, type Caller } from '@tongxin/trpc';
import { orgPaths, seats } from '../schema.ts';

/**
 * Nobody decides about themself; the level above decides (issue 13 C): a secretary who is
 * also a member does not correct their own official record (ledger.correct, an import row),
 * nor mark their own lost contact, record contact attempts with themself or decide a proposal
 * about themself. The one roster call site of the shared check for a member's record and
 * status. `member.userId` is read from roster.members by the caller of this function, never
 * taken from input.
 */
export async function refuseDecidingAboutMember(tx: Tx, caller: Caller, member: { tenantId: string; userId: string | null }): Promise<void> {
  await refuseUnlessLevelAbove(deciderOf(caller), member.userId, seatsIn(tx, seats, orgPaths, member.tenantId));
}
