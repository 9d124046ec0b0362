import { chinaDate } from '@tongxin/calendar';
import type { Tx } from '@tongxin/db';
import { badField } from '@tongxin/errors';
import type { Caller } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { certificates } from '../schema.ts';
import { effectiveStatus, findCertificateToDecide } from './find-certificate.ts';
import { recordCertificateChanged } from './record-certificate-changed.ts';

export interface CloseCertificateInput {
  certificateId: string;
  handedBackOn: string;
  note?: string | undefined;
  idempotencyKey: string;
}

export interface RevokeCertificateInput {
  certificateId: string;
  reason: string;
  idempotencyKey: string;
}

export interface ClosedCertificate {
  certificateId: string;
  status: 'returned' | 'revoked';
}

/**
 * 交回: the member is back and hands the certificate back; the committee checks it (with the
 * member's report on the time away, if they sent one) and closes it. A lapsed certificate is
 * still handed back. The register shows the date. A retry with the same key answers the same.
 */
export async function closeCertificate(tx: Tx, caller: Caller, input: CloseCertificateInput, now: Date): Promise<ClosedCertificate> {
  const certificate = await findCertificateToDecide(tx, caller, input.certificateId);
  if (certificate.closeKey === input.idempotencyKey && certificate.status === 'returned') return { certificateId: certificate.id, status: 'returned' };
  const status = effectiveStatus(certificate, chinaDate(now));
  if (status !== 'valid' && status !== 'expired') throw badField('certificateId', 'certificate_not_valid', { status });
  if (input.handedBackOn < certificate.issuedOn) throw badField('handedBackOn', 'before_issued_on', { date: certificate.issuedOn });
  await tx
    .update(certificates)
    .set({
      status: 'returned', handedBackOn: input.handedBackOn, closeNote: input.note ?? null, closedBy: caller.userId, closedAt: now,
      closeKey: input.idempotencyKey, updatedAt: now,
    })
    .where(and(eq(certificates.tenantId, certificate.tenantId), eq(certificates.id, certificate.id)));
  await recordCertificateChanged(tx, certificate.tenantId, changed(certificate, 'returned'), now);
  return { certificateId: certificate.id, status: 'returned' };
}

/**
 * 注销: the committee withdraws a valid certificate (issued in error, the member transferred
 * or moved on), with the reason. Its code then verifies as revoked.
 */
export async function revokeCertificate(tx: Tx, caller: Caller, input: RevokeCertificateInput, now: Date): Promise<ClosedCertificate> {
  const certificate = await findCertificateToDecide(tx, caller, input.certificateId);
  if (certificate.closeKey === input.idempotencyKey && certificate.status === 'revoked') return { certificateId: certificate.id, status: 'revoked' };
  const status = effectiveStatus(certificate, chinaDate(now));
  if (status !== 'valid') throw badField('certificateId', 'certificate_not_valid', { status });
  await tx
    .update(certificates)
    .set({ status: 'revoked', revokeReason: input.reason, closedBy: caller.userId, closedAt: now, closeKey: input.idempotencyKey, updatedAt: now })
    .where(and(eq(certificates.tenantId, certificate.tenantId), eq(certificates.id, certificate.id)));
  await recordCertificateChanged(tx, certificate.tenantId, changed(certificate, 'revoked'), now);
  return { certificateId: certificate.id, status: 'revoked' };
}

const changed = (c: { id: string; memberId: string; number: string; validUntil: string }, status: 'returned' | 'revoked') =>
  ({ certificateId: c.id, memberId: c.memberId, number: c.number, validUntil: c.validUntil, status });
