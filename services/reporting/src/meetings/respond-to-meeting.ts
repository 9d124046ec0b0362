import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { attendance } from '../schema.ts';
import type { MemberRow } from './find-me.ts';
import type { MeetingRow } from './find-meeting.ts';
import type { RespondInput } from './meeting-input.ts';
import { badField } from '@tongxin/errors';

/** A member says how they will take part; answering again replaces the answer (one row per member and meeting). */
export async function respondToMeeting(tx: Tx, me: MemberRow, meeting: MeetingRow, response: RespondInput['response'], now: Date) {
  if (meeting.cancelledAt) throw badField('meetingId', 'meeting_cancelled');
  if (meeting.endsAt <= now) throw badField('meetingId', 'meeting_ended');
  if (response === 'in_person' && meeting.mode === 'online') throw badField('response', 'meeting_online_only');
  if (response === 'online' && meeting.mode === 'in_person') throw badField('response', 'meeting_in_person_only');
  await tx
    .insert(attendance)
    .values({ tenantId: me.tenantId, meetingId: meeting.id, memberId: me.memberId, response, updatedAt: now })
    .onConflictDoUpdate({ target: [attendance.tenantId, attendance.meetingId, attendance.memberId], set: { response, updatedAt: sql`excluded.updated_at` } });
  return { meetingId: meeting.id, response };
}
