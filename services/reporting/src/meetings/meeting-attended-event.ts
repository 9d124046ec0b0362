import { outboxRow, type Tx } from '@tongxin/db';
import { TOPICS, type MeetingAttended } from '@tongxin/events';
import { outbox } from '../schema.ts';
import type { Attendance } from './meeting-input.ts';

export const MEETING_ATTENDED = TOPICS.reporting.meetingAttended;

/** Attendance that counts as taking part: in person, online, or 视同参会 (a report within the window). */
export function countsAsAttended(attendance: Attendance | null | undefined): boolean {
  return attendance === 'in_person' || attendance === 'online' || attendance === 'reported';
}

/**
 * The event's outbox id, derived from the meeting and member (a name-based UUID, version 8
 * layout): the same member at the same meeting always has the same id, so even attendance
 * that goes in_person → absent → in_person writes the event once (the outbox primary key
 * refuses the second), and a consumer applying event ids once applies it once.
 */
export async function meetingAttendedEventId(tenantId: string, meetingId: string, memberId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${MEETING_ATTENDED}:${tenantId}:${meetingId}:${memberId}`)));
  const bytes = digest.slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Writes meeting_attended for members whose attendance became one that counts. Callers pass
 * only transitions from a previous value that did not count (read under the row lock in the
 * same transaction), and the stable id makes any later repeat a no-op.
 */
export async function recordMeetingAttended(tx: Tx, tenantId: string, events: MeetingAttended[]) {
  if (events.length === 0) return;
  const rows = await Promise.all(
    events.map(async (payload) => outboxRow(tenantId, MEETING_ATTENDED, payload, await meetingAttendedEventId(tenantId, payload.meetingId, payload.memberId))),
  );
  await tx.insert(outbox).values(rows).onConflictDoNothing({ target: [outbox.tenantId, outbox.id] });
}
