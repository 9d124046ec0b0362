import { chinaDate, chinaYear } from '@tongxin/calendar';
import type { Tx } from '@tongxin/db';
import { DomainError, badField } from '@tongxin/errors';
import { CERTIFICATE_MAX_MONTHS, CERTIFICATE_PLAIN_MONTHS } from '@tongxin/ledger';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { OrgRow } from '../orgs/find-org.ts';
import type { Subject } from '../mobility/find-subject.ts';
import { certificateNumbers, certificates, orgs, outflows } from '../schema.ts';
import { addMonthsToDate } from './certificate-dates.ts';
import { requireCommittee, requireUnder } from './committee.ts';
import { certificateNumber, readCountyName } from './county-name.ts';
import { recordCertificateChanged } from './record-certificate-changed.ts';

export interface IssueCertificateInput {
  /** The last day it is valid: the expected end of the time away. */
  validUntil: string;
  /** Why the membership cannot be transferred yet: required beyond 6 months away. */
  notTransferableReason?: string | undefined;
  /** Only when the ledger names no destination city. */
  destinationCity?: string | undefined;
  idempotencyKey: string;
}

export interface IssuedCertificate {
  certificateId: string;
  number: string;
}

/**
 * 《流动党员活动证》 issued by a committee to a member of it who is away (brief, national rules;
 * issue 17). What the certificate says comes from the record, entered once: the time away
 * from the open outflow (外出登记) or the ledger's "away since", the destination and the reason
 * from them, name, branch and county as they are today. The number is the county's next of
 * the year. Refused: a member not away (BAD_REQUEST memberId not_away), one holding a valid
 * certificate (certificate_held, also the unique index `certificates_valid` under a race), an
 * end date not after today or beyond 6 months away without the reason the membership cannot
 * be transferred (validUntil). A retry with the same key answers the first certificate.
 */
export async function issueCertificate(tx: Tx, issuer: OrgRow, subject: Subject, input: IssueCertificateInput, now: Date): Promise<IssuedCertificate> {
  const { member, actor } = subject;
  const tenantId = member.tenantId;
  const retried = await byKey(tx, tenantId, input.idempotencyKey);
  if (retried) return sameMember(retried, member.id);

  requireCommittee(issuer);
  requireUnder(issuer, member);
  if (member.status !== 'mobile') throw badField('memberId', 'not_away');
  const issuedOn = chinaDate(now);
  // One past its end stands no more, even before the daily job has marked it.
  await tx
    .update(certificates)
    .set({ status: 'expired', lapsedAt: now, updatedAt: now })
    .where(and(eq(certificates.tenantId, tenantId), eq(certificates.memberId, member.id), eq(certificates.status, 'valid'), lt(certificates.validUntil, issuedOn)));
  const [held] = await tx
    .select({ number: certificates.number })
    .from(certificates)
    .where(and(eq(certificates.tenantId, tenantId), eq(certificates.memberId, member.id), eq(certificates.status, 'valid')));
  if (held) throw badField('memberId', 'certificate_held', { number: held.number });

  const [outflow] = await tx
    .select()
    .from(outflows)
    .where(and(eq(outflows.tenantId, tenantId), eq(outflows.memberId, member.id), isNull(outflows.returnedOn)));
  const leftOn = outflow?.leftOn ?? member.awaySince ?? issuedOn;
  const destinationCity = outflow?.destinationCity ?? member.destinationCity ?? input.destinationCity;
  if (!destinationCity) throw badField('destinationCity', 'required');
  checkValidUntil(input, leftOn, issuedOn);

  const [branch] = await tx.select({ name: orgs.name }).from(orgs).where(and(eq(orgs.tenantId, tenantId), eq(orgs.id, member.branchId)));
  const county = await readCountyName(tx, tenantId);
  const year = chinaYear(now);
  // The county's next number of the year: the row lock serializes concurrent issues, and a
  // refused issue rolls its number back with it, so the register has no gaps.
  const [counter] = await tx
    .insert(certificateNumbers)
    .values({ tenantId, year, last: 1 })
    .onConflictDoUpdate({ target: [certificateNumbers.tenantId, certificateNumbers.year], set: { last: sql`${certificateNumbers.last} + 1` } })
    .returning({ last: certificateNumbers.last });
  const seq = counter!.last;
  const number = certificateNumber(county, year, seq);
  const [row] = await tx
    .insert(certificates)
    .values({
      tenantId, number, year, seq, memberId: member.id, holderName: member.name, branchId: member.branchId, branchName: branch?.name ?? '',
      countyName: county.full, issuerOrgId: issuer.id, issuerName: issuer.name, leftOn, issuedOn, validUntil: input.validUntil,
      reasonCode: outflow?.reasonCode ?? member.awayReason, reason: outflow?.reason ?? null,
      destinationProvince: outflow?.destinationProvince ?? member.destinationProvince, destinationCity,
      notTransferableReason: input.notTransferableReason ?? null, issuedBy: actor.userId, idempotencyKey: input.idempotencyKey,
      createdAt: now, updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: certificates.id, number: certificates.number });
  if (row) {
    await recordCertificateChanged(tx, tenantId, { certificateId: row.id, memberId: member.id, number: row.number, validUntil: input.validUntil, status: 'valid' }, now);
    return { certificateId: row.id, number: row.number };
  }
  // A concurrent request: the same key (its certificate) or another valid certificate.
  const raced = await byKey(tx, tenantId, input.idempotencyKey);
  if (raced) return sameMember(raced, member.id);
  throw badField('memberId', 'certificate_held', { number: '' });
}

/** Brief: for absences under 6 months, or longer ones where the membership cannot be transferred yet. */
function checkValidUntil(input: IssueCertificateInput, leftOn: string, issuedOn: string) {
  if (input.validUntil <= issuedOn) throw badField('validUntil', 'in_past');
  const plainEnd = addMonthsToDate(leftOn, CERTIFICATE_PLAIN_MONTHS);
  const furthest = addMonthsToDate(issuedOn, CERTIFICATE_MAX_MONTHS);
  if ((input.validUntil > plainEnd && !input.notTransferableReason) || input.validUntil > furthest) {
    throw badField('validUntil', 'certificate_too_long', { months: CERTIFICATE_PLAIN_MONTHS });
  }
}

async function byKey(tx: Tx, tenantId: string, idempotencyKey: string) {
  const [row] = await tx
    .select({ id: certificates.id, number: certificates.number, memberId: certificates.memberId })
    .from(certificates)
    .where(and(eq(certificates.tenantId, tenantId), eq(certificates.idempotencyKey, idempotencyKey)));
  return row;
}

function sameMember(row: { id: string; number: string; memberId: string }, memberId: string): IssuedCertificate {
  if (row.memberId !== memberId) throw new DomainError('idempotency_key_reused', { message: 'This idempotency key was used for another certificate' });
  return { certificateId: row.id, number: row.number };
}
