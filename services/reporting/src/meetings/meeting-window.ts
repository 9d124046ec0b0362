/**
 * 视同参会's window, in days after the meeting's end: long enough for a member working far
 * away to hear what was decided and write it up, short enough that the branch's monthly
 * attendance report is settled soon after. A report counts only from the meeting's start: before
 * it there is no meeting to report on, and points could be filed for months ahead (issue 13).
 */
export const REPORT_WINDOW_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The latest report deadline a meeting ending at `endsAt` may have (and its default). */
export function latestReportDeadline(endsAt: Date): Date {
  return new Date(endsAt.getTime() + REPORT_WINDOW_DAYS * DAY_MS);
}

/**
 * When a meeting report may be sent: from the start until the secretary's deadline, never
 * later than REPORT_WINDOW_DAYS after the end (meetings scheduled before the cap keep to it too).
 */
export function reportWindow(meeting: { startsAt: Date; endsAt: Date; reportDeadline: Date }): { opensAt: Date; closesAt: Date } {
  const latest = latestReportDeadline(meeting.endsAt);
  return { opensAt: meeting.startsAt, closesAt: meeting.reportDeadline < latest ? meeting.reportDeadline : latest };
}

/** Why a meeting report cannot be sent at `now` (an error code the member view translates), or null. */
export function reportWindowProblem(meeting: { startsAt: Date; endsAt: Date; reportDeadline: Date }, now: Date): 'meeting_not_started' | 'report_window_closed' | null {
  const { opensAt, closesAt } = reportWindow(meeting);
  if (now < opensAt) return 'meeting_not_started';
  if (now > closesAt) return 'report_window_closed';
  return null;
}
