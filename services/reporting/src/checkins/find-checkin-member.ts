import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { members } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

/** The calling member's row in reporting's copy of the roster; a user without one cannot check in. */
export async function findCheckinMember(tx: Tx, tenantId: string, userId: string) {
  const [member] = await tx
    .select({ memberId: members.memberId, name: members.name, orgPath: members.orgPath, status: members.status })
    .from(members)
    .where(and(eq(members.tenantId, tenantId), eq(members.userId, userId)));
  if (!member) throw new DomainError('no_member_record', { message: 'No member record for this account in the county roster' });
  return member;
}
