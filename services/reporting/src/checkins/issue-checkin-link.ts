import type { Tx } from '@tongxin/db';
import { renderSms, type OutboundSms } from '@tongxin/sms';
import { and, eq, isNull } from 'drizzle-orm';
import { checkinLinks } from '../schema.ts';
import type { OutboundMessage } from '../notifications/outbound-channel.ts';
import { CHECKIN_LINK_DAYS, checkinLinkPath, hashLinkToken, linkExpiry, newLinkToken } from './checkin-link-token.ts';

/** What a link is issued for: an outside check-in, as the member's county holds it. */
export interface LinkSubject {
  tenantId: string;
  id: string;
  userId: string;
  orgPath: string;
  memberName: string | null;
  destOrgName: string;
  outsideContactPhone: string | null;
}

/**
 * A new single-use link for an outside check-in (issue 17): the live one before it is revoked
 * in the same transaction (one live link per check-in, `checkin_links_live`), the new one's
 * hash stored, and the message to its contact returned for sending after commit. The token
 * is in the message only: neither the member nor a secretary ever sees it, so nobody on the
 * member's side can answer for the destination.
 */
export async function issueCheckinLink(
  tx: Tx,
  subject: LinkSubject,
  by: { userId: string; idempotencyKey?: string | undefined; publicUrl?: string | undefined },
  now: Date,
): Promise<{ linkId: string; expiresAt: Date; message: OutboundMessage }> {
  await revokeLiveLinks(tx, subject.tenantId, subject.id, now);
  const token = newLinkToken();
  const expiresAt = linkExpiry(now);
  const linkId = crypto.randomUUID();
  await tx.insert(checkinLinks).values({
    tenantId: subject.tenantId,
    id: linkId,
    checkinId: subject.id,
    userId: subject.userId,
    orgPath: subject.orgPath,
    tokenHash: hashLinkToken(token),
    createdBy: by.userId,
    createdAt: now,
    expiresAt,
    idempotencyKey: by.idempotencyKey ?? null,
  });
  const params = { member: subject.memberName ?? '', org: subject.destOrgName, link: `${by.publicUrl ?? ''}${checkinLinkPath(subject.tenantId, token)}`, days: String(CHECKIN_LINK_DAYS) };
  const phone = subject.outsideContactPhone ?? '';
  const sms: OutboundSms = { tenantId: subject.tenantId, phone, kind: 'checkin_confirmation', params };
  const message: OutboundMessage = { tenantId: subject.tenantId, phone, kind: sms.kind, text: renderSms(sms), sms };
  return { linkId, expiresAt, message };
}

/** Every link of the check-in still open stops working: a resend, a withdrawal, an answer. */
export async function revokeLiveLinks(tx: Tx, tenantId: string, checkinId: string, now: Date): Promise<void> {
  await tx
    .update(checkinLinks)
    .set({ revokedAt: now })
    .where(and(eq(checkinLinks.tenantId, tenantId), eq(checkinLinks.checkinId, checkinId), isNull(checkinLinks.usedAt), isNull(checkinLinks.revokedAt)));
}
