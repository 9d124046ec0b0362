import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { members } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

/** The caller's own member record in reporting's copy of the roster. */
export async function findReportingMember(tx: Tx, tenantId: string, userId: string) {
  const [member] = await tx
    .select({ memberId: members.memberId, name: members.name, status: members.status })
    .from(members)
    .where(and(eq(members.tenantId, tenantId), eq(members.userId, userId)));
  if (!member) throw new DomainError('no_member_record', { message: 'You are not on the roster of this county yet: ask your branch secretary' });
  return member;
}
