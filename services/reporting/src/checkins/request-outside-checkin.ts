import type { Tx } from '@tongxin/db';
import { badField, DomainError } from '@tongxin/errors';
import { and, count, eq, gt, inArray } from 'drizzle-orm';
import { checkinLinks, checkins } from '../schema.ts';
import type { OutboundMessage } from '../notifications/outbound-channel.ts';
import { findAttachableCertificate } from './attached-certificate.ts';
import { OPEN_STATUSES } from './checkin-rules.ts';
import { findCheckinMember } from './find-checkin-member.ts';
import { issueCheckinLink } from './issue-checkin-link.ts';

/**
 * Links a member's own requests may send in 24 hours: the SMS goes to a number and with words
 * the member types, so withdrawing and asking again must not text anyone without end through
 * the county's channel. Enough for a typo corrected twice; the home side's resend is apart.
 */
export const MEMBER_LINKS_PER_DAY = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface OutsideCheckinRequest {
  /** The organization as the member names it: 深圳长江家具有限公司党支部. */
  orgName: string;
  city: string;
  /** Who confirms for it (its secretary or contact) and their mobile, where the link goes. */
  contactName: string;
  contactPhone: string;
  note?: string | undefined;
  /** Show the destination the member's standing activity certificate (found by the server). */
  attachCertificate: boolean;
  idempotencyKey: string;
}

/**
 * 报到 with an organization outside Tongxin (issue 17: most destinations are a company's or a
 * community's branch that will never be a tenant). The member names it; its contact answers by
 * a single-use link sent to their phone (`issueCheckinLink`), without an account. Nothing of the
 * ledger is granted to it: the row's grant is empty (a CHECK holds every outside row to that)
 * and no `checkin_accepted` is ever recorded for it, so roster writes no grant. A retry with
 * the same key answers the first check-in and sends nothing again.
 */
export async function requestOutsideCheckin(
  tx: Tx,
  tenantId: string,
  userId: string,
  input: OutsideCheckinRequest,
  deps: { now: Date; publicUrl?: string | undefined },
): Promise<{ checkinId: string; message: OutboundMessage | null }> {
  const retried = await checkinByKey(tx, tenantId, input.idempotencyKey);
  if (retried) return { checkinId: retried, message: null };
  const member = await findCheckinMember(tx, tenantId, userId);
  if (member.status === 'transferred_out') throw badField('orgName', 'member_transferred_out');
  const [open] = await tx
    .select({ destOrgName: checkins.destOrgName })
    .from(checkins)
    .where(and(eq(checkins.tenantId, tenantId), eq(checkins.memberId, member.memberId), inArray(checkins.status, [...OPEN_STATUSES])));
  if (open) throw badField('orgName', 'already_checked_in', { org: open.destOrgName });
  const certificate = input.attachCertificate ? await findAttachableCertificate(tx, tenantId, member.memberId, deps.now) : null;
  const [sent] = await tx
    .select({ n: count() })
    .from(checkinLinks)
    .where(and(eq(checkinLinks.tenantId, tenantId), eq(checkinLinks.userId, userId), eq(checkinLinks.createdBy, userId), gt(checkinLinks.createdAt, new Date(deps.now.getTime() - DAY_MS))));
  if ((sent?.n ?? 0) >= MEMBER_LINKS_PER_DAY) throw new DomainError('checkin_links_daily_limit', { message: 'Too many confirmation links sent today' });

  const [row] = await tx
    .insert(checkins)
    .values({
      tenantId,
      memberId: member.memberId,
      userId,
      memberName: member.name,
      orgPath: member.orgPath,
      destOrgName: input.orgName,
      outsideCity: input.city,
      outsideContactName: input.contactName,
      outsideContactPhone: input.contactPhone,
      note: input.note ?? null,
      grantFields: [],
      certificateId: certificate?.certificateId ?? null,
      certificateNumber: certificate?.number ?? null,
      certificateValidUntil: certificate?.validUntil ?? null,
      certificateStatus: certificate?.status ?? null,
      idempotencyKey: input.idempotencyKey,
      createdAt: deps.now,
      updatedAt: deps.now,
    })
    .onConflictDoNothing()
    .returning({ id: checkins.id });
  if (!row) {
    // A concurrent retry (same key) or a concurrent second check-in.
    const raced = await checkinByKey(tx, tenantId, input.idempotencyKey);
    if (raced) return { checkinId: raced, message: null };
    throw badField('orgName', 'already_checked_in');
  }
  const subject = { tenantId, id: row.id, userId, orgPath: member.orgPath, memberName: member.name, destOrgName: input.orgName, outsideContactPhone: input.contactPhone };
  const { message } = await issueCheckinLink(tx, subject, { userId, publicUrl: deps.publicUrl }, deps.now);
  return { checkinId: row.id, message };
}

async function checkinByKey(tx: Tx, tenantId: string, idempotencyKey: string): Promise<string | null> {
  const [row] = await tx.select({ id: checkins.id }).from(checkins).where(and(eq(checkins.tenantId, tenantId), eq(checkins.idempotencyKey, idempotencyKey)));
  return row?.id ?? null;
}
