import { chinaDate } from '@tongxin/calendar';
import { selectRows, type Tx } from '@tongxin/db';
import { DomainError, badField } from '@tongxin/errors';
import type { AwayReason, CertificateStatus } from '@tongxin/ledger';
import { and, eq, sql } from 'drizzle-orm';
import { certificates } from '../schema.ts';
import { newCertificateToken, hashCertificateToken } from './certificate-token.ts';
import { checkedInWith } from './checked-in-with.ts';
import { effectiveStatus, findOwnCertificate } from './find-certificate.ts';

export interface MyCertificate {
  id: string;
  number: string;
  status: CertificateStatus;
  holderName: string;
  branchName: string;
  countyName: string;
  issuerName: string;
  leftOn: string;
  issuedOn: string;
  validUntil: string;
  reasonCode: AwayReason | null;
  destinationProvince: string | null;
  destinationCity: string;
  handedBackOn: string | null;
  reportActivities: string | null;
  reportJoinedOrg: string | null;
  reportMeetings: number | null;
  reportedAt: Date | null;
  checkedInWith: string[];
}

/** The member's own certificates, the standing one first, then the older ones newest first. */
export async function listMyCertificates(tx: Tx, tenantId: string, userId: string, now: Date): Promise<MyCertificate[]> {
  const rows = await selectRows<MyCertificate>(tx, sql`
    select c.id, c.number, c.status, c.holder_name as "holderName", c.branch_name as "branchName", c.county_name as "countyName",
           c.issuer_name as "issuerName", c.left_on::text as "leftOn", c.issued_on::text as "issuedOn", c.valid_until::text as "validUntil",
           c.reason_code as "reasonCode", c.destination_province as "destinationProvince", c.destination_city as "destinationCity",
           c.handed_back_on::text as "handedBackOn", c.report_activities as "reportActivities", c.report_joined_org as "reportJoinedOrg",
           c.report_meetings as "reportMeetings", c.reported_at as "reportedAt", ${checkedInWith} as "checkedInWith"
    from roster.certificates c
    join roster.members m on m.tenant_id = c.tenant_id and m.id = c.member_id
    where c.tenant_id = ${tenantId} and m.user_id = ${userId}
    order by (c.status = 'valid') desc, c.issued_on desc, c.seq desc
    limit 20`);
  const today = chinaDate(now);
  return rows.map((row) => ({ ...row, status: effectiveStatus(row, today), reportedAt: row.reportedAt ? new Date(row.reportedAt) : null }));
}

/**
 * The code the member shows: a new token for their valid certificate, of which only the hash
 * is kept; the previous code stops verifying. Not for a certificate past its end, handed back
 * or revoked (BAD_REQUEST certificateId).
 */
export async function showCertificateCode(tx: Tx, tenantId: string, userId: string, certificateId: string, now: Date): Promise<{ token: string; validUntil: string }> {
  const certificate = await findOwnCertificate(tx, tenantId, userId, certificateId);
  const status = effectiveStatus(certificate, chinaDate(now));
  if (status === 'expired') throw badField('certificateId', 'certificate_expired', { validUntil: certificate.validUntil });
  if (status !== 'valid') throw badField('certificateId', 'certificate_not_valid', { status });
  const token = newCertificateToken();
  await tx
    .update(certificates)
    .set({ tokenHash: hashCertificateToken(token), tokenIssuedAt: now, updatedAt: now })
    .where(and(eq(certificates.tenantId, tenantId), eq(certificates.id, certificate.id)));
  return { token, validUntil: certificate.validUntil };
}

export interface TimeAwayReport {
  certificateId: string;
  /** What they did while away. */
  activities: string;
  /** The organization they joined there (its life, its dues). */
  joinedOrg?: string | undefined;
  /** Meetings attended there. */
  meetings: number;
}

/**
 * The member's report on the time away (brief: "after returning, they report on the time
 * away"), on their certificate before it is handed back: what they did, which organization
 * they joined, meetings attended there. Sent again, it replaces the report; once the
 * committee has closed the certificate it is refused, unless it is the same report (a retry).
 */
export async function reportTimeAway(tx: Tx, tenantId: string, userId: string, input: TimeAwayReport, now: Date): Promise<{ certificateId: string }> {
  const certificate = await findOwnCertificate(tx, tenantId, userId, input.certificateId);
  const joinedOrg = input.joinedOrg ?? null;
  const same = certificate.reportActivities === input.activities && certificate.reportJoinedOrg === joinedOrg && certificate.reportMeetings === input.meetings;
  if (same) return { certificateId: certificate.id };
  const status = effectiveStatus(certificate, chinaDate(now));
  if (status !== 'valid' && status !== 'expired') throw badField('certificateId', 'certificate_not_valid', { status });
  const updated = await tx
    .update(certificates)
    .set({ reportActivities: input.activities, reportJoinedOrg: joinedOrg, reportMeetings: input.meetings, reportedAt: now, updatedAt: now })
    // Closed meanwhile by the committee: the report arrived too late for this certificate.
    .where(and(eq(certificates.tenantId, tenantId), eq(certificates.id, certificate.id), sql`${certificates.status} in ('valid', 'expired')`))
    .returning({ id: certificates.id });
  if (updated.length === 0) throw new DomainError('changed_meanwhile', { params: { status: 'returned' } });
  return { certificateId: certificate.id };
}
