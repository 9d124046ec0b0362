import { seatsOfUsers } from '@tongxin/copies';
import type { Tx } from '@tongxin/db';
import { refuseUnlessLevelAbove, type Decider } from '@tongxin/trpc';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { attendance, orgPaths, seats } from '../schema.ts';
import type { MeetingRow } from './find-meeting.ts';
import type { Attendance, AttendanceEntry } from './meeting-input.ts';
import { countsAsAttended, recordMeetingAttended } from './meeting-attended-event.ts';
import { orgMembers } from './meeting-roster.ts';
import { badField } from '@tongxin/errors';

/** Why `value` cannot be recorded for a meeting held in `mode`, or null. */
function modeProblem(mode: MeetingRow['mode'], value: Attendance): 'meeting_online_only' | 'meeting_in_person_only' | null {
  if (value === 'in_person' && mode === 'online') return 'meeting_online_only';
  if (value === 'online' && mode === 'in_person') return 'meeting_in_person_only';
  return null;
}

/**
 * The secretary records attendance for members of the meeting's org. Every entry is checked
 * before anything is written, so a bad entry changes nothing. 'reported' (视同参会) comes only
 * from the member's own meeting report: a secretary may confirm it, never invent it.
 * Only the level above records a member's attendance (issue 13 C): nobody their own, and a
 * secretary's or deputy's only the department or a seat above theirs; one such entry makes the
 * whole recording FORBIDDEN.
 */
export async function recordAttendance(tx: Tx, actor: Decider & { tenantId: string; now: Date }, meeting: MeetingRow, entries: AttendanceEntry[]) {
  if (meeting.cancelledAt) throw badField('meetingId', 'meeting_cancelled');
  if (meeting.startsAt > actor.now) throw badField('meetingId', 'meeting_not_started');

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

  const accounts = [...roster.values()].flatMap((m) => (m.userId ? [m.userId] : []));
  const seated = await seatsOfUsers(tx, seats, orgPaths, actor.tenantId, accounts);
  const seen = new Set<string>();
  for (const [i, entry] of entries.entries()) {
    if (seen.has(entry.memberId)) throw badField(`entries.${i}.memberId`, 'listed_twice');
    seen.add(entry.memberId);
    if (!roster.has(entry.memberId)) throw badField(`entries.${i}.memberId`, 'not_in_meeting_org');
    await refuseUnlessLevelAbove(actor, roster.get(entry.memberId)!.userId, async (userId) => seated.get(userId) ?? []);
    if (entry.attendance === 'reported' && !previous.get(entry.memberId)?.meetingReport) {
      throw badField(`entries.${i}.attendance`, 'report_instead_by_member');
    }
    const problem = modeProblem(meeting.mode, entry.attendance);
    if (problem) throw badField(`entries.${i}.attendance`, problem);
  }

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
