import { departmentProcedure, memberProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { monthlyReports } from '../schema.ts';
import { submitMonthlyReport } from './submit-monthly-report.ts';

const ZPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

export const ZSubmitMonthlyReportInput = z.object({ period: ZPeriod, summary: z.string().trim().min(1).max(2000) });

export const monthlyReportsRouter = {
  submit: memberProcedure
    .input(ZSubmitMonthlyReportInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => submitMonthlyReport(tx, ctx.claims.tenantId, ctx.claims.userId, input))),

  mine: memberProcedure.query(({ ctx }) =>
    ctx.tx((tx) =>
      tx
        .select({ id: monthlyReports.id, period: monthlyReports.period, summary: monthlyReports.summary, submittedAt: monthlyReports.submittedAt })
        .from(monthlyReports)
        .where(eq(monthlyReports.userId, ctx.claims.userId))
        .orderBy(desc(monthlyReports.period)),
    ),
  ),

  countForPeriod: departmentProcedure.input(z.object({ period: ZPeriod })).query(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const [row] = await tx.select({ n: count() }).from(monthlyReports).where(eq(monthlyReports.period, input.period));
      return { period: input.period, reports: row?.n ?? 0 };
    }),
  ),
} satisfies TRPCRouterRecord;
