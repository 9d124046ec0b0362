import { ZIdempotencyKey } from '@tongxin/trpc';
import { z } from 'zod';
import { ZPeriod } from '../monthly-reports/period.ts';
import { latestReportDeadline, REPORT_WINDOW_DAYS } from './meeting-window.ts';

export const MEETING_KINDS = [
  'members_meeting', 'branch_committee', 'party_group', 'party_lecture', 'themed_party_day', 'organizational_life', 'democratic_appraisal',
] as const;
export const ATTENDANCE_KINDS = ['in_person', 'online', 'reported', 'excused', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE_KINDS)[number];
export type MeetingMode = 'in_person' | 'online' | 'both';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const ZInstant = z.iso.datetime({ offset: true, message: 'a date and time with its offset' }).transform((s) => new Date(s));

export const ZScheduleMeetingInput = z
  .object({
    /** The org only: its path is the server's (schedule-meeting.ts). */
    orgId: z.uuid(),
    kind: z.enum(MEETING_KINDS),
    title: text(100),
    agenda: text(2000).optional(),
    mode: z.enum(['in_person', 'online', 'both']),
    location: text(200).optional(),
    onlineLink: z.url({ protocol: /^https?$/, message: 'an http(s) link' }).max(500).optional(),
    startsAt: ZInstant,
    endsAt: ZInstant,
    /** Until when a meeting report counts as attended (视同参会); default and latest: REPORT_WINDOW_DAYS after the end. */
    reportDeadline: ZInstant.optional(),
    idempotencyKey: ZIdempotencyKey,
  })
  .superRefine((input, ctx) => {
    // Members must know where to go or what to open.
    if (input.mode !== 'online' && !input.location) ctx.addIssue({ code: 'custom', path: ['location'], message: 'required for an in-person meeting', params: { code: 'required' } });
    if (input.mode !== 'in_person' && !input.onlineLink) ctx.addIssue({ code: 'custom', path: ['onlineLink'], message: 'required for an online meeting', params: { code: 'required' } });
    if (input.endsAt <= input.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start', params: { code: 'ends_before_start' } });
    if (input.reportDeadline && input.reportDeadline < input.endsAt) ctx.addIssue({ code: 'custom', path: ['reportDeadline'], message: 'must not be before the end', params: { code: 'deadline_before_end' } });
    if (input.reportDeadline && input.reportDeadline > latestReportDeadline(input.endsAt)) {
      ctx.addIssue({ code: 'custom', path: ['reportDeadline'], message: `at most ${REPORT_WINDOW_DAYS} days after the end`, params: { code: 'deadline_too_late', values: { days: REPORT_WINDOW_DAYS } } });
    }
  });
export type ScheduleMeetingInput = z.infer<typeof ZScheduleMeetingInput>;

export const ZMeetingIdInput = z.object({ meetingId: z.uuid() });

export const ZRespondInput = z.object({ meetingId: z.uuid(), response: z.enum(['in_person', 'online', 'cannot_attend']) });
export type RespondInput = z.infer<typeof ZRespondInput>;

export const ZReportInsteadInput = z.object({ meetingId: z.uuid(), report: text(4000) });

export const ZListMeetingsInput = z.object({ orgId: z.uuid().optional(), from: ZInstant.optional(), to: ZInstant.optional() }).default({});

export const ZRecordAttendanceInput = z.object({
  meetingId: z.uuid(),
  entries: z.array(z.object({ memberId: z.uuid(), attendance: z.enum(ATTENDANCE_KINDS) })).min(1).max(500, 'at most 500 entries'),
});
export type AttendanceEntry = z.infer<typeof ZRecordAttendanceInput>['entries'][number];

export const ZMonthlyAttendanceInput = z.object({ orgId: z.uuid(), period: ZPeriod });
export const ZYearlyInPersonInput = z.object({ orgId: z.uuid(), year: z.number().int().min(2000).max(2100) });
