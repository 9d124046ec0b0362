import { deciderOf, memberProcedure, staffProcedure, withOrg } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { cancelMeeting } from './cancel-meeting.ts';
import { findMe } from './find-me.ts';
import { findManagedMeeting, findMyMeeting, findReadableMeeting } from './find-meeting.ts';
import { getMeeting } from './get-meeting.ts';
import { listMeetings } from './list-meetings.ts';
import { listMyMeetings } from './list-my-meetings.ts';
import {
  ZListMeetingsInput, ZMeetingIdInput, ZMonthlyAttendanceInput, ZRecordAttendanceInput, ZReportInsteadInput, ZRespondInput,
  ZScheduleMeetingInput, ZYearlyInPersonInput,
} from './meeting-input.ts';
import { monthlyAttendance } from './monthly-attendance.ts';
import { recordAttendance } from './record-attendance.ts';
import { reportInstead } from './report-instead.ts';
import { respondToMeeting } from './respond-to-meeting.ts';
import { scheduleMeeting } from './schedule-meeting.ts';
import { yearlyInPerson } from './yearly-in-person.ts';
import { findReportingOrg } from '../members/find-reporting-org.ts';

const withReportingOrg = withOrg(findReportingOrg);

/** 组织生活: meetings, members' answers, attendance with 视同参会, and the attendance reports (issue 6). */
export const meetingsRouter = {
  schedule: staffProcedure.input(ZScheduleMeetingInput).mutation(({ ctx, input }) =>
    ctx.tx((tx) => scheduleMeeting(tx, { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId, orgIds: ctx.orgIds, now: ctx.deps.now() }, input)),
  ),

  cancel: staffProcedure.input(ZMeetingIdInput).mutation(({ ctx, input }) =>
    ctx.tx(async (tx) => cancelMeeting(tx, await findManagedMeeting(tx, ctx.orgIds, input.meetingId, { lock: true }), ctx.deps.now())),
  ),

  forMe: memberProcedure.query(({ ctx }) => ctx.tx(async (tx) => listMyMeetings(tx, await findMe(tx, ctx.claims.userId), ctx.deps.now()))),

  respond: memberProcedure.input(ZRespondInput).mutation(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const me = await findMe(tx, ctx.claims.userId);
      return respondToMeeting(tx, me, await findMyMeeting(tx, me.orgPath, input.meetingId), input.response, ctx.deps.now());
    }),
  ),

  reportInstead: memberProcedure.input(ZReportInsteadInput).mutation(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const me = await findMe(tx, ctx.claims.userId);
      // Locked: a cancellation at the same time sees this attendance or refuses it (cancel-meeting.ts).
      return reportInstead(tx, me, await findMyMeeting(tx, me.orgPath, input.meetingId, { lock: true }), input.report, ctx.deps.now());
    }),
  ),

  list: staffProcedure.input(ZListMeetingsInput).query(({ ctx, input }) => ctx.tx((tx) => listMeetings(tx, ctx.orgIds, input))),

  get: staffProcedure.input(ZMeetingIdInput).query(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const { meeting, manages } = await findReadableMeeting(tx, ctx.orgIds, input.meetingId);
      return getMeeting(tx, meeting, manages, ctx.claims.userId);
    }),
  ),

  recordAttendance: staffProcedure.input(ZRecordAttendanceInput).mutation(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      // Locked: recordings of one meeting queue, so each sees the other's previous values.
      const meeting = await findManagedMeeting(tx, ctx.orgIds, input.meetingId, { lock: true });
      return recordAttendance(tx, { ...deciderOf(ctx.caller), tenantId: ctx.claims.tenantId, now: ctx.deps.now() }, meeting, input.entries);
    }),
  ),

  monthlyReport: staffProcedure.input(ZMonthlyAttendanceInput).use(withReportingOrg).query(({ ctx, input }) =>
    ctx.tx(async (tx) => ({ orgId: input.orgId, ...(await monthlyAttendance(tx, ctx.org.path, input.period)) })),
  ),

  yearlyInPerson: staffProcedure.input(ZYearlyInPersonInput).use(withReportingOrg).query(({ ctx, input }) =>
    ctx.tx(async (tx) => ({ orgId: input.orgId, ...(await yearlyInPerson(tx, ctx.org.path, input.year, ctx.deps.now())) })),
  ),
} satisfies TRPCRouterRecord;
