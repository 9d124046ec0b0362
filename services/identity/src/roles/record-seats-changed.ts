import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS, type SeatsChanged } from '@tongxin/events';
import { and, eq, isNotNull } from 'drizzle-orm';
import { outbox, roleAssignments } from '../schema.ts';

/**
 * Announces a user's secretary seats after they changed (appointed, removed, an account
 * activated into waiting appointments, an account closed): the full current set, read from
 * the role assignments in this same transaction, so the deciding services' copies replace
 * what they had and "the level above decides" (issue 13 C) sees every seat.
 */
export async function recordSeatsChanged(tx: Tx, tenantId: string, userId: string): Promise<void> {
  const held = await tx
    .select({ orgId: roleAssignments.orgId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.userId, userId), eq(roleAssignments.role, 'secretary'), isNotNull(roleAssignments.orgId)));
  const payload = { userId, orgIds: held.map((row) => row.orgId!).sort() } satisfies SeatsChanged;
  await recordEvent(tx, outbox, tenantId, TOPICS.identity.seatsChanged, payload);
}
