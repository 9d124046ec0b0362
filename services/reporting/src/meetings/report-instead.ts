import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { attendance } from '../schema.ts';
import type { MemberRow } from './find-me.ts';
import type { MeetingRow } from './find-meeting.ts';
import { countsAsAttended, recordMeetingAttended } from './meeting-attended-event.ts';
import { reportWindowProblem } from './meeting-window.ts';
import { badField } from '@tongxin/errors';

/**
 * 视同参会 (brief, 双报一领): a member who cannot attend sends a meeting report, and a report
 * sent inside the meeting's window (meeting-window.ts: from its start until the deadline, at
 * most REPORT_WINDOW_DAYS after its end) counts as attending. Sending it again within the
 * window replaces the text. Attendance already recorded in person or online stays.
 * The caller passes the meeting locked, so a cancellation running at the same time either
 * comes first (and this is refused) or waits and lists this attendance to give it back.
 */
export async function reportInstead(tx: Tx, me: MemberRow, meeting: MeetingRow, report: string, now: Date) {
  if (meeting.cancelledAt) throw badField('meetingId', 'meeting_cancelled');
  const problem = reportWindowProblem(meeting, now);
  if (problem) throw badField('meetingId', problem);

  const [previous] = await tx
    .select({ attendance: attendance.attendance })
    .from(attendance)
    .where(and(eq(attendance.meetingId, meeting.id), eq(attendance.memberId, me.memberId)))
    .for('update');
  const counted = countsAsAttended(previous?.attendance);
  const value = counted ? previous!.attendance! : 'reported';
  await tx
    .insert(attendance)
    .values({ tenantId: me.tenantId, meetingId: meeting.id, memberId: me.memberId, attendance: value, meetingReport: report, reportedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [attendance.tenantId, attendance.meetingId, attendance.memberId],
      set: { attendance: value, meetingReport: report, reportedAt: now, updatedAt: now },
    });
  if (!counted) {
    await recordMeetingAttended(tx, me.tenantId, [
      { meetingId: meeting.id, memberId: me.memberId, userId: me.userId, attendance: 'reported', kind: meeting.kind, startsAt: meeting.startsAt.toISOString() },
    ]);
  }
  return { meetingId: meeting.id, attendance: value, reportedAt: now };
}
