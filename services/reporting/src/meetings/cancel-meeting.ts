import type { Tx } from '@tongxin/db';
import { and, eq, isNull } from 'drizzle-orm';
import { meetings } from '../schema.ts';
import { recordMeetingCancelled } from './meeting-cancelled-event.ts';
import { badField } from '@tongxin/errors';

/**
 * Cancels a meeting that has not started; cancelling twice is a no-op. The caller passes the
 * meeting locked. A cancelled meeting earns nobody points: `reporting.meeting_cancelled` lists
 * its attendances and scoring gives back what they earned (attendance only counts once a
 * meeting has started, so this matters for meetings attended before that rule).
 */
export async function cancelMeeting(
  tx: Tx, meeting: { tenantId: string; id: string; kind: string; startsAt: Date; cancelledAt: Date | null }, now: Date,
) {
  if (meeting.cancelledAt) return { meetingId: meeting.id, cancelledAt: meeting.cancelledAt };
  if (meeting.startsAt <= now) throw badField('meetingId', 'meeting_started');
  const cancelled = await tx
    .update(meetings)
    .set({ cancelledAt: now })
    .where(and(eq(meetings.id, meeting.id), isNull(meetings.cancelledAt)))
    .returning({ id: meetings.id });
  if (cancelled.length > 0) await recordMeetingCancelled(tx, meeting.tenantId, meeting, now);
  return { meetingId: meeting.id, cancelledAt: now };
}
