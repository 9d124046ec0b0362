import { recordEvent, selectRows, type Tx } from '@tongxin/db';
import { badField, DomainError } from '@tongxin/errors';
import { TOPICS, type OutsideCheckinConfirmed } from '@tongxin/events';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { checkinLinks, checkins, outbox, type OutsideDeclineCode } from '../schema.ts';
import { certificateValidity, type CertificateValidity } from './attached-certificate.ts';
import { CHECKIN_DECIDED, type CheckinDecided } from './checkin-rules.ts';
import { hashLinkToken } from './checkin-link-token.ts';
import { countLinkFailure, isLinkThrottled, linkClientKey } from './link-throttle.ts';

/**
 * What the contact of an organization outside Tongxin sees on opening the link (issue 17):
 * the member's name, their home branch and their certificate's validity, and nothing else —
 * no ledger field, no phone, no note, not even the other links or check-ins.
 */
export interface CheckinLinkView {
  /** The organization as the member named it: the contact sees which of theirs is asked. */
  organization: string;
  memberName: string;
  /** The member's words to the destination, if any. */
  note: string | null;
  homeBranch: string | null;
  certificate: CertificateValidity | null;
  expiresAt: Date;
}

export interface LinkAnswer {
  token: string;
  answer: 'confirm' | 'decline';
  /** A decline names one of the brief's reasons. */
  declineCode?: OutsideDeclineCode | undefined;
  /** With `wrong_organization`: the organization the member should go to, as the contact writes it. */
  rightOrg?: string | undefined;
}

/**
 * A public answer, or why not. A refusal is returned, not thrown, so the failure the throttle
 * counts commits with the transaction; the procedure throws it after.
 */
export type LinkOutcome<T> = { value: T; refusal?: undefined } | { refusal: DomainError; value?: undefined };

type FoundLink = {
  linkId: string;
  checkinId: string;
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
  status: string;
  memberName: string | null;
  destOrgName: string;
  userId: string;
  memberId: string;
  note: string | null;
  contactName: string;
  contactPhone: string;
  homeBranch: string | null;
  certificateNumber: string | null;
  certificateValidUntil: string | null;
  certificateStatus: string | null;
};

const refusal = (code: 'checkin_link_not_found' | 'checkin_link_used' | 'checkin_link_expired' | 'checkin_link_revoked' | 'too_many_attempts', params?: Record<string, string>) =>
  ({ refusal: new DomainError(code, { message: `Check-in link: ${code}`, ...(params ? { params } : {}) }) }) as const;

/**
 * The link a token names, in the county the link says, when it may still be answered. The
 * public transaction is tenant-wide in that county: the token is the gate. An unknown token
 * counts against the client address (`link-throttle.ts`); a locked address is refused before
 * any lookup, so the answer says nothing about the token.
 */
async function findAnswerableLink(tx: Tx, tenantId: string, token: string, clientIp: string | null, now: Date, lock: boolean): Promise<LinkOutcome<FoundLink>> {
  const key = linkClientKey(clientIp);
  if (await isLinkThrottled(tx, tenantId, key, now)) return refusal('too_many_attempts');
  const [link] = await selectRows<FoundLink>(tx, sql`
    select l.id as "linkId", l.checkin_id as "checkinId", l.used_at as "usedAt", l.revoked_at as "revokedAt", l.expires_at as "expiresAt",
           c.status, c.member_name as "memberName", c.dest_org_name as "destOrgName", c.user_id as "userId",
           c.member_id as "memberId", c.note, c.outside_contact_name as "contactName", c.outside_contact_phone as "contactPhone",
           c.certificate_number as "certificateNumber", c.certificate_valid_until::text as "certificateValidUntil", c.certificate_status as "certificateStatus",
           (select d.name from reporting.org_directory d where d.tenant_id = c.tenant_id and d.path = c.org_path limit 1) as "homeBranch"
    from reporting.checkin_links l
    join reporting.checkins c on c.tenant_id = l.tenant_id and c.id = l.checkin_id
    where l.tenant_id = ${tenantId} and l.token_hash = ${hashLinkToken(token)} and c.dest_tenant_id is null
    ${lock ? sql`for update of l, c` : sql``}`);
  if (!link) {
    // Only a county this service knows takes a count (no rows for a made-up tenant).
    if (await knownCounty(tx, tenantId)) await countLinkFailure(tx, tenantId, key, now);
    return refusal('checkin_link_not_found');
  }
  if (link.usedAt) return refusal('checkin_link_used', { answer: link.status === 'accepted' ? 'confirmed' : 'declined' });
  if (link.revokedAt || link.status !== 'pending') return refusal('checkin_link_revoked');
  if (new Date(link.expiresAt) <= now) return refusal('checkin_link_expired');
  return { value: link };
}

async function knownCounty(tx: Tx, tenantId: string): Promise<boolean> {
  const rows = await selectRows<{ one: number }>(tx, sql`select 1 as one from reporting.org_directory where tenant_id = ${tenantId} limit 1`);
  return rows.length > 0;
}

/** The page the contact opens: who asks, from which branch, with which certificate. */
export async function openCheckinLink(tx: Tx, tenantId: string, token: string, clientIp: string | null, now: Date): Promise<LinkOutcome<CheckinLinkView>> {
  const found = await findAnswerableLink(tx, tenantId, token, clientIp, now, false);
  if (found.refusal) return found;
  const link = found.value;
  return { value: { organization: link.destOrgName, memberName: link.memberName ?? '', note: link.note, homeBranch: link.homeBranch, certificate: certificateValidity(link, now), expiresAt: new Date(link.expiresAt) } };
}

/**
 * The contact confirms or declines, once (issue 17). The link is used up and the check-in
 * accepted or refused in one transaction; the member's inbox hears of it from
 * `reporting.checkin_decided`, the home branch sees it on the check-in. No
 * `reporting.checkin_accepted` is recorded: nothing of the ledger goes to an organization
 * outside Tongxin; a confirmation records `reporting.outside_checkin_confirmed` for the
 * member's own ledger instead.
 */
export async function answerCheckinLink(tx: Tx, tenantId: string, input: LinkAnswer, clientIp: string | null, now: Date): Promise<LinkOutcome<{ status: 'accepted' | 'refused' }>> {
  if (input.answer === 'decline' && !input.declineCode) throw badField('declineCode', 'required');
  const found = await findAnswerableLink(tx, tenantId, input.token, clientIp, now, true);
  if (found.refusal) return found;
  const link = found.value;
  const status = input.answer === 'confirm' ? 'accepted' : 'refused';
  const declineCode = input.answer === 'decline' ? (input.declineCode ?? null) : null;
  const reason = declineCode === 'wrong_organization' ? input.rightOrg?.trim() || null : null;
  await tx.update(checkinLinks).set({ usedAt: now }).where(and(eq(checkinLinks.tenantId, tenantId), eq(checkinLinks.id, link.linkId), isNull(checkinLinks.usedAt)));
  await tx
    .update(checkins)
    .set({ status, declineCode, reason, decidedBy: `link:${link.linkId}`, decidedAt: now, updatedAt: now })
    .where(and(eq(checkins.tenantId, tenantId), eq(checkins.id, link.checkinId), eq(checkins.status, 'pending')));
  const decided: CheckinDecided = {
    checkinId: link.checkinId,
    memberTenantId: tenantId,
    userId: link.userId,
    decision: input.answer === 'confirm' ? 'accept' : 'refuse',
    reason,
    destOrgName: link.destOrgName,
    decidedAt: now.toISOString(),
  };
  await recordEvent(tx, outbox, tenantId, CHECKIN_DECIDED, decided);
  if (status === 'accepted') {
    // Enter once: the member's own county fills the ledger's destination from what the member
    // named and its contact confirmed (roster); nothing goes to the organization itself.
    const confirmed: OutsideCheckinConfirmed = {
      checkinId: link.checkinId, memberId: link.memberId, orgName: link.destOrgName, contactName: link.contactName, contactPhone: link.contactPhone, confirmedAt: now.toISOString(),
    };
    await recordEvent(tx, outbox, tenantId, TOPICS.reporting.outsideCheckinConfirmed, confirmed);
  }
  return { value: { status } };
}
