import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS, type CertificateChanged } from '@tongxin/events';
import { outbox } from '../schema.ts';

/**
 * Announces a certificate's new state (issued, handed back, revoked) in the holder's county, in
 * the same transaction (issue 17): reporting keeps what a check-in shows of it, number, end date
 * and state, so a destination sees whether the certificate a member attached stands. Lapsing
 * needs no event: past its end date a certificate reads as expired everywhere.
 */
export async function recordCertificateChanged(tx: Tx, tenantId: string, payload: Omit<CertificateChanged, 'at'>, now: Date): Promise<void> {
  await recordEvent(tx, outbox, tenantId, TOPICS.roster.certificateChanged, { ...payload, at: now.toISOString() });
}
