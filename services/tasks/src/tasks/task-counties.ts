import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { checkins, members } from '../schema.ts';
import type { Me } from './list-tasks-for-me.ts';

/**
 * The counties whose tasks can reach the caller, read from tasks' own tables, never from
 * input (issue 13, class A): their own, and as a member the destination of their standing
 * check-in (tasks.checkins, written only from roster's checkin_granted). The caller's own
 * county comes first. Which task of those they may read is still RLS's to say.
 */
export async function taskCountiesOf(tx: Tx, me: Me & { member: boolean }): Promise<string[]> {
  if (!me.member) return [me.tenantId];
  const standing = await tx
    .select({ tenantId: checkins.destTenantId })
    .from(checkins)
    .innerJoin(members, and(eq(members.tenantId, checkins.tenantId), eq(members.memberId, checkins.memberId)))
    .where(and(eq(members.tenantId, me.tenantId), eq(members.userId, me.userId)));
  return [...new Set([me.tenantId, ...standing.map((c) => c.tenantId)])];
}
