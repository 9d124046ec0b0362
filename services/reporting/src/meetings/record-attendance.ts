import type { Tx } from '@tongxin/db';
import { badField, refuseDecidingAboutOneself } from '@tongxin/trpc';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { attendance } from '../schema.ts';
import type { MeetingRow } from './find-meeting.ts';
import type { Attendance, AttendanceEntry } from './meeting-input.ts';
import { countsAsAttended, recordMeetingAttended } from './meeting-attended-event.ts';
import { orgMembers } from './meeting-roster.ts';

/** Why `value` cannot be recorded for a meeting held in `mode`, or null. */
function modeProblem(mode: MeetingRow['mode'], value: Attendance): string | null {
  if (value === 'in_person' && mode === 'online') return 'the meeting was held online only';
  if (value === 'online' && mode === 'in_person') return 'the meeting was held in person only';
  return null;
}

/**
 * The secretary records attendance for members of the meeting's org. Every entry is checked
 * before anything is written, so a bad entry changes nothing. 'reported' (视同参会) comes only
 * from the member's own meeting report: a secretary may confirm it, never invent it.
 * Nobody records their own attendance (a secretary who is also a member of the org): the
 * whole recording is FORBIDDEN and the level above records it.
 */
export async function recordAttendance(tx: Tx, actor: { tenantId: string; userId: string; now: Date }, meeting: MeetingRow, entries: AttendanceEntry[]) {
  if (meeting.cancelledAt) throw badField('meetingId', 'the meeting was cancelled');
  if (meeting.startsAt > actor.now) throw badField('meetingId', 'the meeting has not started yet');

  const ids = entries.map((e) => e.memberId);
  const roster = new Map((await orgMembers(tx, meeting.orgPath, ids)).map((m) => [m.memberId, m]));
  // Locked: the previous value decides whether this is the first attendance that counts.
  const previous = new Map(
    (
      await tx
        .select({ memberId: attendance.memberId, attendance: attendance.attendance, meetingReport: attendance.meetingReport })
        .from(attendance)
        .where(and(eq(attendance.meetingId, meeting.id), inArray(attendance.memberId, ids)))
        .for('update')
    ).map((row) => [row.memberId, row]),
  );

  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (seen.has(entry.memberId)) throw badField(`entries.${i}.memberId`, 'listed twice');
    seen.add(entry.memberId);
    if (!roster.has(entry.memberId)) throw badField(`entries.${i}.memberId`, "not a member of the meeting's organization");
    refuseDecidingAboutOneself(actor.userId, roster.get(entry.memberId)!.userId);
    if (entry.attendance === 'reported' && !previous.get(entry.memberId)?.meetingReport) {
      throw badField(`entries.${i}.attendance`, 'only the member can report instead of attending (视同参会)');
    }
    const problem = modeProblem(meeting.mode, entry.attendance);
    if (problem) throw badField(`entries.${i}.attendance`, problem);
  });

  await tx
    .insert(attendance)
    .values(entries.map((e) => ({ tenantId: actor.tenantId, meetingId: meeting.id, memberId: e.memberId, attendance: e.attendance, recordedBy: actor.userId, updatedAt: actor.now })))
    .onConflictDoUpdate({
      target: [attendance.tenantId, attendance.meetingId, attendance.memberId],
      set: { attendance: sql`excluded.attendance`, recordedBy: sql`excluded.recorded_by`, updatedAt: sql`excluded.updated_at` },
    });

  const firstTime = entries.filter((e) => countsAsAttended(e.attendance) && !countsAsAttended(previous.get(e.memberId)?.attendance));
  await recordMeetingAttended(
    tx,
    actor.tenantId,
    firstTime.map((e) => ({
      meetingId: meeting.id, memberId: e.memberId, userId: roster.get(e.memberId)!.userId, attendance: e.attendance,
      kind: meeting.kind, startsAt: meeting.startsAt.toISOString(),
    })),
  );
  return { meetingId: meeting.id, recorded: entries.length, newlyAttended: firstTime.length };
}
