import type { Tx } from '@tongxin/db';
import { badField } from '@tongxin/trpc';
import { and, eq, isNull } from 'drizzle-orm';
import { meetings } from '../schema.ts';

/** Cancels a meeting that has not started; cancelling twice is a no-op. */
export async function cancelMeeting(tx: Tx, meeting: { id: string; startsAt: Date; cancelledAt: Date | null }, now: Date) {
  if (meeting.cancelledAt) return { meetingId: meeting.id, cancelledAt: meeting.cancelledAt };
  if (meeting.startsAt <= now) throw badField('meetingId', 'the meeting has already started');
  await tx.update(meetings).set({ cancelledAt: now }).where(and(eq(meetings.id, meeting.id), isNull(meetings.cancelledAt)));
  return { meetingId: meeting.id, cancelledAt: now };
}
