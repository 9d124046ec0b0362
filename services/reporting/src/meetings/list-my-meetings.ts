import type { Tx } from '@tongxin/db';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { attendance, meetings } from '../schema.ts';
import type { MemberRow } from './find-me.ts';
import { countsAsAttended } from './meeting-attended-event.ts';
import { REPORT_WINDOW_DAYS, reportWindow, reportWindowProblem } from './meeting-window.ts';
import { pathIds } from './org-path.ts';

/** How far back "recent" meetings go on the member's page. */
const RECENT_DAYS = 60;

/**
 * The meetings of the member's branch and its ancestors (the orgs on their path, so the
 * org index serves it), upcoming first, with the member's own answer and attendance.
 */
export async function listMyMeetings(tx: Tx, me: MemberRow, now: Date) {
  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000);
  const rows = await tx
    .select({
      meetingId: meetings.id, orgId: meetings.orgId, kind: meetings.kind, title: meetings.title, agenda: meetings.agenda,
      mode: meetings.mode, location: meetings.location, onlineLink: meetings.onlineLink, startsAt: meetings.startsAt,
      endsAt: meetings.endsAt, reportDeadline: meetings.reportDeadline, cancelledAt: meetings.cancelledAt,
      response: attendance.response, attendance: attendance.attendance, reportedAt: attendance.reportedAt,
    })
    .from(meetings)
    .leftJoin(attendance, and(eq(attendance.tenantId, meetings.tenantId), eq(attendance.meetingId, meetings.id), eq(attendance.memberId, me.memberId)))
    .where(and(inArray(meetings.orgId, pathIds(me.orgPath)), gte(meetings.endsAt, since)))
    .orderBy(asc(meetings.startsAt));
  const withActions = rows.map((m) => ({
    ...m,
    // 视同参会 is open inside the meeting's window unless the member already attended in person or online.
    canReportInstead: !m.cancelledAt && !reportWindowProblem(m, now) && (m.attendance === 'reported' || !countsAsAttended(m.attendance)),
    // When the window opens and closes, and its length after the end, for the member view's texts.
    reportOpensAt: reportWindow(m).opensAt,
    reportDeadline: reportWindow(m).closesAt,
    reportWindowDays: REPORT_WINDOW_DAYS,
  }));
  return {
    upcoming: withActions.filter((m) => m.endsAt > now),
    recent: withActions.filter((m) => m.endsAt <= now).reverse(),
  };
}
