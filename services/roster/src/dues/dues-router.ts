import { DUES_BANDS, DUES_PERIOD_PATTERN, DUES_SCHEDULES } from '@tongxin/ledger';
import { actingProcedure, departmentProcedure, memberProcedure, staffProcedure, withOrg, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { findSubject } from '../mobility/find-subject.ts';
import { findRosterOrg } from '../orgs/find-org.ts';
import { readDuesTable, setDuesRate } from './dues-rates.ts';
import { listDuesTable } from './list-dues-table.ts';
import { readMemberDues, readMyDues } from './member-dues-record.ts';
import { recordPayment } from './record-payment.ts';
import { setMemberDues } from './set-member-dues.ts';
import { voidPayment } from './void-payment.ts';

/** At most 100,000 yuan a line: a typo, not dues. */
const ZFen = z.number().int().min(0).max(10_000_000);
const ZPeriod = z.string().regex(DUES_PERIOD_PATTERN, 'a month YYYY-MM or a quarter YYYY-Qn');
const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
/** Tongxin's record starts this century: an earlier first month lists every month since as arrears (tens of thousands of lines). */
const DUE_FROM_MIN = '2000-01';
const ZDueFrom = ZMonth.refine((m) => m >= DUE_FROM_MIN, { message: `from ${DUE_FROM_MIN} on`, params: { code: 'too_small', values: { min: DUE_FROM_MIN } } });

export const ZSetDuesRateInput = z.object({
  band: z.enum(DUES_BANDS),
  rateBp: z.number().int().min(0).max(10_000).nullable().optional(),
  fixedFen: ZFen.nullable().optional(),
});
export const ZSetMemberDuesInput = z.object({
  memberId: z.uuid(),
  schedule: z.enum(DUES_SCHEDULES),
  band: z.enum(DUES_BANDS),
  monthlyDueFen: ZFen,
  dueFrom: ZDueFrom.optional(),
});
export const ZRecordPaymentInput = z.object({
  memberId: z.uuid(),
  period: ZPeriod,
  paidFen: ZFen,
  paidOn: z.iso.date('a date as YYYY-MM-DD'),
  idempotencyKey: ZIdempotencyKey,
});
export const ZVoidPaymentInput = z.object({ paymentId: z.uuid(), reason: z.string().trim().min(1).max(200) });

/**
 * Dues records (党费), not payment (issue 17): the county's table (department), a member's
 * schedule and amount due (home secretary), payments recorded by the secretary who received
 * them (home, or a destination of this county the member is checked in with), the org's
 * table for a month or a quarter, and the member's own record.
 */
export const duesRouter = {
  /** The county's dues table, read by every secretary (to prefill) and the department. */
  rates: actingProcedure('secretary', 'department').query(({ ctx }) => ctx.tx((tx) => readDuesTable(tx, ctx.claims.tenantId))),

  setRate: departmentProcedure
    .input(ZSetDuesRateInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => setDuesRate(tx, ctx.claims.tenantId, ctx.claims.userId, input, ctx.deps.now()))),

  table: staffProcedure
    .input(z.object({ orgId: z.uuid(), period: ZPeriod }))
    .use(withOrg(findRosterOrg))
    .query(({ ctx, input }) => ctx.tx((tx) => listDuesTable(tx, ctx.claims.tenantId, ctx.org.path, input.period))),

  /** One member's record, as their home side reads it. */
  member: staffProcedure
    .input(z.object({ memberId: z.uuid() }))
    .query(({ ctx, input }) =>
      ctx.tx(async (tx) => {
        const { member } = await findSubject(tx, ctx.caller, input.memberId, true);
        return readMemberDues(tx, member, ctx.deps.now());
      }),
    ),

  setMember: staffProcedure
    .input(ZSetMemberDuesInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => setMemberDues(tx, ctx.caller, input, ctx.deps.now()))),

  record: staffProcedure
    .input(ZRecordPaymentInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => recordPayment(tx, ctx.caller, input, ctx.deps.now()))),

  void: staffProcedure
    .input(ZVoidPaymentInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => voidPayment(tx, ctx.caller, input, ctx.deps.now()))),

  mine: memberProcedure.query(({ ctx }) => ctx.tx((tx) => readMyDues(tx, ctx.claims.tenantId, ctx.claims.userId, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
