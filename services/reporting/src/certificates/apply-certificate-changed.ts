import type { Tx } from '@tongxin/db';
import type { CertificateChanged } from '@tongxin/events';
import { and, eq, sql } from 'drizzle-orm';
import { certificateCopies, checkins } from '../schema.ts';

/**
 * `roster.certificate_changed` (issue 17): reporting's copy of the certificate (what a check-in
 * shows of it), and the check-ins it is attached to, so a destination sees a revoked or
 * handed-back certificate as such. An event older than the copy changes nothing. In the
 * holder's county, tenant-wide (the roster consumer's transaction).
 */
export async function applyCertificateChanged(tx: Tx, tenantId: string, p: CertificateChanged): Promise<void> {
  const at = new Date(p.at);
  const values = { memberId: p.memberId, number: p.number, validUntil: p.validUntil, status: p.status, changedAt: at };
  const written = await tx
    .insert(certificateCopies)
    .values({ tenantId, certificateId: p.certificateId, ...values })
    .onConflictDoUpdate({ target: [certificateCopies.tenantId, certificateCopies.certificateId], set: values, setWhere: sql`${certificateCopies.changedAt} <= ${at.toISOString()}::timestamptz` })
    .returning({ id: certificateCopies.certificateId });
  if (written.length === 0) return;
  await tx
    .update(checkins)
    .set({ certificateNumber: p.number, certificateValidUntil: p.validUntil, certificateStatus: p.status })
    .where(and(eq(checkins.tenantId, tenantId), eq(checkins.certificateId, p.certificateId)));
}
