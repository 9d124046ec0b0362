import type { Tx } from '@tongxin/db';
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../auth/audit.ts';
import { managedPath } from '../roles/caller-scope.ts';
import { activationCodes, people } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

/** Ends a member's pending codes (a sheet lost, a wrong phone): the member in the caller's scope, else NOT_FOUND. */
export async function revokeActivationCodes(tx: Tx, actor: { tenantId: string; userId: string }, memberId: string, now: Date) {
  const { tenantId } = actor;
  const [person] = await tx
    .select({ branchId: people.branchId })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.memberId, memberId), managedPath(people.orgPath)));
  if (!person) throw new DomainError('member_not_found', { message: 'No such member' });
  const revoked = await tx
    .update(activationCodes)
    .set({ revokedAt: now })
    .where(and(eq(activationCodes.tenantId, tenantId), eq(activationCodes.memberId, memberId), isNull(activationCodes.usedAt), isNull(activationCodes.revokedAt)))
    .returning({ id: activationCodes.id });
  if (revoked.length > 0) {
    await audit(tx, tenantId, 'activation_revoked', now, { actorUserId: actor.userId, orgId: person.branchId, detail: { memberId, codes: revoked.length } });
  }
  return { revoked: revoked.length };
}
