import type { Tx } from '@tongxin/db';
import { actingProcedure, deciderOf, memberProcedure, staffProcedure, withOptionalOrg, ZIdempotencyKey, type Caller } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { listMyReports, getMonthlyReport } from './read-monthly-reports.ts';
import { ZPeriod } from './period.ts';
import { reportingRate, reportingStatus } from './reporting-status.ts';
import { acknowledgeMonthlyReport } from './acknowledge-monthly-report.ts';
import { commentOnMonthlyReport } from './comment-on-monthly-report.ts';
import { submitFirstReport, submitMonthlyReport } from './submit-monthly-report.ts';
import { defaultReportingOrg, findDefaultReportingOrg, reportingByOrg, reportList } from './reports-by-org.ts';
import { findReportingOrg } from '../members/find-reporting-org.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZSubmitMonthlyReportInput = z
  .object({
    period: ZPeriod,
    summary: text(2000),
    ledgerChange: z.enum(['unchanged', 'updated']),
    ledgerVersion: z.number().int().positive().optional(),
    study: text(1000).optional(),
    difficulties: text(1000).optional(),
    helpWanted: z.boolean().optional(),
    idempotencyKey: ZIdempotencyKey,
  })
  .refine((r) => r.ledgerChange === 'updated' || r.ledgerVersion === undefined, {
    path: ['ledgerVersion'],
    message: 'only a ledger update has a version',
  });
export type TSubmitMonthlyReportInput = z.infer<typeof ZSubmitMonthlyReportInput>;

export const ZReportIdInput = z.object({ reportId: z.uuid() });
export const ZAcknowledgeMonthlyReportInput = ZReportIdInput.extend({ comment: text(1000).optional() });
export const ZCommentOnMonthlyReportInput = ZReportIdInput.extend({ comment: text(1000) });
export const ZReportingPeriodInput = z.object({ period: ZPeriod, orgId: z.uuid().optional() });
/** A page of the monthly-report list: 50 a page by default. */
export const REPORT_PAGE_SIZE = 50;
export const ZReportListInput = ZReportingPeriodInput.extend({
  reported: z.boolean().optional(),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(REPORT_PAGE_SIZE),
});

/** The org named (resolved and scope-checked: NOT_FOUND outside), else the caller's top org. */
const orgFor = async (tx: Tx, caller: Caller, org: { orgId: string; name: string; path: string } | null) =>
  org ? { id: org.orgId, name: org.name, path: org.path } : defaultReportingOrg(tx, caller);

export const monthlyReportsRouter = {
  /** 报告: the member's report for a month; an edit until acknowledged. */
  submit: memberProcedure
    .input(ZSubmitMonthlyReportInput)
    .mutation(async ({ ctx, input }) => {
      const { tenantId, userId } = ctx.claims;
      const now = ctx.deps.now();
      // The month's first submission in one round trip (a unit); an edit, a retry or a caller
      // off the roster in a transaction (issue 16).
      const first = await ctx.tx((tx) => submitFirstReport(tx, tenantId, userId, input, now), 'unit');
      return first ?? ctx.tx((tx) => submitMonthlyReport(tx, tenantId, userId, input, now));
    }),

  mine: memberProcedure.query(({ ctx }) => ctx.tx((tx) => listMyReports(tx, ctx.claims.tenantId, ctx.claims.userId))),

  /** The member's own report, or one of a member in a secretary's subtree, or any in the department's tenant. */
  get: actingProcedure('member', 'secretary', 'department')
    .input(ZReportIdInput)
    .query(({ ctx, input }) => ctx.tx((tx) => getMonthlyReport(tx, ctx.caller.tenantId, input.reportId))),

  /** Who has and has not reported for a month, in the caller's scope (optionally one org's subtree). */
  status: staffProcedure
    .input(ZReportingPeriodInput)
    .query(({ ctx, input }) => ctx.tx((tx) => reportingStatus(tx, ctx.claims.tenantId, input))),

  /** The reporting rate per branch, per township and in total. */
  rate: staffProcedure
    .input(ZReportingPeriodInput)
    .query(({ ctx, input }) => ctx.tx((tx) => reportingRate(tx, ctx.claims.tenantId, input))),

  /** The rate of an org (default: the caller's top org) and of each of its children, the level below. */
  byOrg: staffProcedure
    .input(ZReportingPeriodInput)
    .use(withOptionalOrg(findReportingOrg))
    .query(({ ctx, input }) => ctx.tx(async (tx) => reportingByOrg(tx, ctx.caller, { period: input.period, org: await orgFor(tx, ctx.caller, ctx.org ?? null) }))),

  /** One page of who has and has not reported under an org (default: the caller's top org). */
  list: staffProcedure
    .input(ZReportListInput)
    .use(withOptionalOrg(findReportingOrg))
    // Without a named org and before the directory knows the caller's (a county just set up), the caller's whole scope.
    .query(({ ctx, input }) => ctx.tx(async (tx) => {
      const org = ctx.org ? { id: ctx.org.orgId, name: ctx.org.name, path: ctx.org.path } : ((await findDefaultReportingOrg(tx, ctx.caller)) ?? null);
      return reportList(tx, ctx.caller.tenantId, { ...input, org });
    })),

  acknowledge: staffProcedure
    .input(ZAcknowledgeMonthlyReportInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => acknowledgeMonthlyReport(tx, ctx.claims.tenantId, deciderOf(ctx.caller), input, ctx.deps.now()))),

  comment: staffProcedure
    .input(ZCommentOnMonthlyReportInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => commentOnMonthlyReport(tx, ctx.claims.tenantId, input, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
