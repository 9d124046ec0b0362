import type { Tx } from '@tongxin/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { attendance, members } from '../schema.ts';
import type { MeetingRow } from './find-meeting.ts';
import { inOrg } from './meeting-roster.ts';

/**
 * A meeting with every member of its org the caller sees (RLS: a branch secretary reading the
 * township's meeting sees their own members) and their answer, attendance and meeting report.
 * `manages`: whether the caller may cancel it and record attendance.
 */
export async function getMeeting(tx: Tx, meeting: MeetingRow, manages = true, callerUserId: string | null = null) {
  const roster = await tx
    .select({
      memberId: members.memberId, name: members.name, branchId: members.branchId, status: members.status,
      // The caller's own row: nobody records their own attendance (the level above does).
      self: sql<boolean>`coalesce(${members.userId} = ${callerUserId}, false)`,
      response: attendance.response, attendance: attendance.attendance, meetingReport: attendance.meetingReport, reportedAt: attendance.reportedAt,
    })
    .from(members)
    .leftJoin(attendance, and(eq(attendance.tenantId, members.tenantId), eq(attendance.memberId, members.memberId), eq(attendance.meetingId, meeting.id)))
    .where(inOrg(meeting.orgPath))
    .orderBy(asc(members.name));
  const { idempotencyKey: _key, tenantId: _tenant, id, ...rest } = meeting;
  return { meeting: { meetingId: id, ...rest }, manages, roster };
}
