import type { Tx } from '@tongxin/db';
import { badField, DomainError } from '@tongxin/errors';
import { and, desc, eq } from 'drizzle-orm';
import { checkinLinks } from '../schema.ts';
import type { OutboundMessage } from '../notifications/outbound-channel.ts';
import { issueCheckinLink } from './issue-checkin-link.ts';
import { loadCheckin, sideCondition } from './load-checkin.ts';

/** One link a minute per check-in: a secretary's repeated clicks do not flood the contact's phone. */
export const RESEND_AFTER_MS = 60_000;

/**
 * The home side sends an outside destination a new link (issue 17: lost, expired, or sent to a
 * typo the member since corrected by phone): the old link stops working in the same
 * transaction. The member's branch secretaries (their subtree) or the department; the
 * destination has no account, and the member's own request sent the first. Only a pending
 * outside check-in (else BAD_REQUEST checkinId). A retried key answers its link without sending again.
 */
export async function resendCheckinLink(
  tx: Tx,
  caller: { tenantId: string; userId: string; orgIds: readonly string[] | null },
  input: { checkinId: string; idempotencyKey: string },
  deps: { now: Date; publicUrl?: string | undefined },
): Promise<{ expiresAt: Date; message: OutboundMessage | null }> {
  const [retried] = await tx
    .select({ checkinId: checkinLinks.checkinId, expiresAt: checkinLinks.expiresAt })
    .from(checkinLinks)
    .where(and(eq(checkinLinks.tenantId, caller.tenantId), eq(checkinLinks.idempotencyKey, input.idempotencyKey)));
  if (retried) {
    if (retried.checkinId !== input.checkinId) throw new DomainError('idempotency_key_reused', { message: 'This idempotency key was used for another check-in' });
    return { expiresAt: retried.expiresAt, message: null };
  }
  const row = await loadCheckin(tx, input.checkinId, sideCondition('home', caller.tenantId, caller.orgIds), 'for update');
  if (row.destTenantId !== null) throw badField('checkinId', 'checkin_not_outside');
  if (row.status !== 'pending') throw badField('checkinId', 'checkin_not_pending', { status: row.status });
  const [last] = await tx
    .select({ createdAt: checkinLinks.createdAt })
    .from(checkinLinks)
    .where(and(eq(checkinLinks.tenantId, row.tenantId), eq(checkinLinks.checkinId, row.id)))
    .orderBy(desc(checkinLinks.createdAt))
    .limit(1);
  const wait = last ? last.createdAt.getTime() + RESEND_AFTER_MS - deps.now.getTime() : 0;
  if (wait > 0) throw new DomainError('checkin_link_sent_recently', { params: { seconds: Math.ceil(wait / 1000) } });
  const issued = await issueCheckinLink(tx, { ...row, destOrgName: row.destOrgName }, { userId: caller.userId, idempotencyKey: input.idempotencyKey, publicUrl: deps.publicUrl }, deps.now);
  return { expiresAt: issued.expiresAt, message: issued.message };
}
