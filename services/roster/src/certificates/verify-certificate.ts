import { chinaDate } from '@tongxin/calendar';
import { selectRow, type Tx } from '@tongxin/db';
import { DomainError, badField } from '@tongxin/errors';
import { sql } from 'drizzle-orm';
import { hashCertificateToken } from './certificate-token.ts';

/** All a destination learns from a certificate (issue 17): that it is valid, whose, from where, until when. */
export interface CertificateVerification {
  status: 'valid';
  number: string;
  holderName: string;
  branchName: string;
  countyId: string;
  countyName: string;
  validUntil: string;
}

interface VerifiedRow {
  status: 'valid' | 'expired' | 'returned' | 'revoked';
  number: string;
  holderName: string | null;
  branchName: string | null;
  countyId: string;
  countyName: string;
  validUntil: string;
}

/**
 * A secretary of any county verifies the certificate a member shows, by the token in its
 * code, through `roster.verify_certificate` (verify-certificate.sql: the holder's county's row
 * is read there, and nothing else of it). An unknown token (never issued, or replaced by the
 * member's newer code) is NOT_FOUND; an expired, handed-back or revoked certificate is
 * BAD_REQUEST on `token`, with no name (the holder is the one standing there).
 */
export async function verifyCertificate(tx: Tx, token: string, now: Date): Promise<CertificateVerification> {
  const row = await selectRow<VerifiedRow>(tx, sql`
    select v.status, v.number, v.holder_name as "holderName", v.branch_name as "branchName", v.county_id as "countyId",
           v.county_name as "countyName", v.valid_until::text as "validUntil"
    from roster.verify_certificate(${hashCertificateToken(token)}, ${chinaDate(now)}::date) v`);
  if (!row) throw new DomainError('certificate_not_found', { message: 'No such certificate' });
  if (row.status === 'expired') throw badField('token', 'certificate_expired', { validUntil: row.validUntil });
  if (row.status === 'returned') throw badField('token', 'certificate_returned');
  if (row.status === 'revoked') throw badField('token', 'certificate_revoked');
  return { ...row, status: 'valid', holderName: row.holderName ?? '', branchName: row.branchName ?? '' };
}
