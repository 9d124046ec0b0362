import { inSubtree, type Tx } from '@tongxin/db';
import { and, asc, gte, isNull, lt } from 'drizzle-orm';
import { meetings } from '../schema.ts';
import { monthRange } from '@tongxin/calendar';
import { meetingCounts } from './meeting-counts.ts';

/** A share as a number with four decimals, or null when nobody was expected. */
function rate(attended: number, expected: number): number | null {
  return expected === 0 ? null : Math.round((attended / expected) * 10000) / 10000;
}

/**
 * A branch's (or township's) monthly attendance report: every meeting held in its subtree in
 * the China calendar month, with attendance by kind and its rate, where in person, online
 * and 视同参会 all count as attended; the month's rate is attendances over expected
 * attendances across its meetings (as the counties report "attendances / rate").
 */
export async function monthlyAttendance(tx: Tx, orgPath: string, period: string) {
  const { start, end } = monthRange(period);
  const rows = await tx
    .select({ meetingId: meetings.id, orgId: meetings.orgId, kind: meetings.kind, title: meetings.title, startsAt: meetings.startsAt, counts: meetingCounts() })
    .from(meetings)
    .where(and(inSubtree(meetings.orgPath, orgPath), gte(meetings.startsAt, start), lt(meetings.startsAt, end), isNull(meetings.cancelledAt)))
    .orderBy(asc(meetings.startsAt));
  const perMeeting = rows.map(({ counts, ...meeting }) => {
    const attended = counts.inPerson + counts.online + counts.reported;
    const recorded = attended + counts.excused + counts.absent;
    return {
      ...meeting,
      members: counts.members,
      inPerson: counts.inPerson, online: counts.online, reported: counts.reported, excused: counts.excused, absent: counts.absent,
      unrecorded: Math.max(0, counts.members - recorded),
      attended,
      rate: rate(attended, counts.members),
    };
  });
  const attended = perMeeting.reduce((sum, m) => sum + m.attended, 0);
  const expected = perMeeting.reduce((sum, m) => sum + m.members, 0);
  return { period, meetings: perMeeting, attended, expected, rate: rate(attended, expected) };
}
