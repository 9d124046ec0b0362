import { claimEvent, tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { parsePayload, TOPICS } from '@tongxin/events';
import { notify } from '../notifications/notify.ts';
import { readReminders } from '../notifications/reminder-settings.ts';
import { processedEvents } from '../schema.ts';

export const CERTIFICATE_ENDING = TOPICS.roster.certificateEnding;

/** The inbox's kind (the member view labels it as a reminder). */
export const CERTIFICATE_REMINDER_KIND = 'reminder';

/**
 * Consumer of roster's `roster.certificate_ending` (issue 17: "it lapses at its end date with
 * a reminder to the member and the branch beforehand"): puts the reminder in the holder's
 * inbox and in the inbox of each account seated at the holder's branch, in the holder's
 * county, with the event id claimed there in the same transaction (exactly once). A reminder,
 * not an official notice (brief, burden rules: few, timely, and the member's to turn off):
 * the holder who turned reminders off gets none; the branch's secretaries, for whom it is
 * work about someone else, always do. One message per certificate and reader (dedupe key).
 */
export async function applyCertificateEnding(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
  if (event.topic !== CERTIFICATE_ENDING) return 'ignored';
  const p = parsePayload(CERTIFICATE_ENDING, event.payload);
  const tenantId = event.tenantId;
  return tenantTransaction(database, { tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, event))) return 'duplicate';
    const readers: { userId: string; holder: string | null }[] = [];
    if (p.memberUserId && (await readReminders(tx, p.memberUserId)).reminders) readers.push({ userId: p.memberUserId, holder: null });
    for (const userId of p.branchUserIds) if (userId !== p.memberUserId) readers.push({ userId, holder: p.holderName });
    for (const { userId, holder } of readers) {
      await notify(tx, {
        tenantId,
        userId,
        kind: CERTIFICATE_REMINDER_KIND,
        notice: 'certificate_ending',
        params: { number: p.number, validUntil: p.validUntil, holder },
        subject: { type: 'certificate', id: p.certificateId },
        dedupeKey: `certificate-ending:${p.certificateId}:${userId}`,
        official: false,
        at: new Date(event.createdAt),
      });
    }
    return 'applied';
  });
}
