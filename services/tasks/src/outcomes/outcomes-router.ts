import { staffProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { summarizeOutcomes } from './summarize-outcomes.ts';

export const ZOutcomeSummaryInput = z.object({ year: z.number().int().min(2000).max(2100), orgId: z.uuid().optional() });

export const outcomesRouter = {
  summary: staffProcedure
    .input(ZOutcomeSummaryInput)
    .query(({ ctx, input }) => ctx.tx((tx) => summarizeOutcomes(tx, ctx.claims.tenantId, input.year, input.orgId))),
} satisfies TRPCRouterRecord;
