import { chinaDate } from '@tongxin/calendar';
import type { Tx } from '@tongxin/db';
import { badField } from '@tongxin/errors';
import { and, desc, eq, gte } from 'drizzle-orm';
import { certificateCopies } from '../schema.ts';

/** What a destination sees of an attached certificate: its number, end date and whether it stands today. */
export interface CertificateValidity {
  number: string;
  validUntil: string;
  state: 'valid' | 'expired' | 'returned' | 'revoked';
}

/**
 * The member's standing activity certificate from reporting's copy (roster's
 * `roster.certificate_changed`), found by the server from the member's record, never named by
 * the client: the member only chooses to attach it (issue 17). None standing today is
 * BAD_REQUEST on `attachCertificate`.
 */
export async function findAttachableCertificate(tx: Tx, tenantId: string, memberId: string, now: Date) {
  const [row] = await tx
    .select({ certificateId: certificateCopies.certificateId, number: certificateCopies.number, validUntil: certificateCopies.validUntil, status: certificateCopies.status })
    .from(certificateCopies)
    .where(and(eq(certificateCopies.tenantId, tenantId), eq(certificateCopies.memberId, memberId), eq(certificateCopies.status, 'valid'), gte(certificateCopies.validUntil, chinaDate(now))))
    .orderBy(desc(certificateCopies.validUntil))
    .limit(1);
  if (!row) throw badField('attachCertificate', 'no_valid_certificate');
  return row;
}

/**
 * A check-in's certificate as of `now`: past its end date it is expired, whatever state the
 * copy last heard (roster's daily job marks it later; roster's verify answers the same).
 */
export function certificateValidity(
  row: { certificateNumber: string | null; certificateValidUntil: string | null; certificateStatus: string | null },
  now: Date,
): CertificateValidity | null {
  if (!row.certificateNumber || !row.certificateValidUntil || !row.certificateStatus) return null;
  const stated = row.certificateStatus as CertificateValidity['state'];
  const state = stated === 'valid' && row.certificateValidUntil < chinaDate(now) ? 'expired' : stated;
  return { number: row.certificateNumber, validUntil: row.certificateValidUntil, state };
}
