import { outboxRow, type Tx } from '@tongxin/db';
import { TOPICS, type MeetingCancelled } from '@tongxin/events';
import { and, eq, isNotNull } from 'drizzle-orm';
import { attendance, members, outbox } from '../schema.ts';

export const MEETING_CANCELLED = TOPICS.reporting.meetingCancelled;

// The payload lists every member with attendance recorded at the meeting (any value: one
// that counts now, or one that counted before and earned points): scoring gives back what
// the meeting earned them, and an attendance event it has not applied yet then earns nothing.

/**
 * Writes meeting_cancelled in the cancelling transaction, with the meeting locked, so no
 * attendance is added to the meeting after the list is read (record-attendance.ts and
 * report-instead.ts lock it too and refuse a cancelled meeting).
 */
export async function recordMeetingCancelled(tx: Tx, tenantId: string, meeting: { id: string; kind: string; startsAt: Date }, cancelledAt: Date) {
  const rows = await tx
    .select({ memberId: attendance.memberId, userId: members.userId, attendance: attendance.attendance })
    .from(attendance)
    .leftJoin(members, and(eq(members.tenantId, attendance.tenantId), eq(members.memberId, attendance.memberId)))
    .where(and(eq(attendance.meetingId, meeting.id), isNotNull(attendance.attendance)));
  const payload: MeetingCancelled = {
    meetingId: meeting.id, kind: meeting.kind, startsAt: meeting.startsAt.toISOString(), cancelledAt: cancelledAt.toISOString(),
    attendances: rows.map((r) => ({ memberId: r.memberId, userId: r.userId ?? null, attendance: r.attendance! })),
  };
  await tx.insert(outbox).values(outboxRow(tenantId, MEETING_CANCELLED, payload));
}
