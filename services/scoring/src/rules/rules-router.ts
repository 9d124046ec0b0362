
import { departmentProcedure, staffProcedure, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { ACTIVITY_KINDS } from './activity-rules.ts';
import { listRuleChanges } from './list-rule-changes.ts';
import { readRules, readThresholds } from './read-rules.ts';
import { updateRule } from './update-rule.ts';
import { updateThresholds } from './update-thresholds.ts';

const ZReason = z.string().trim().min(1, 'say why').max(500);

export const ZUpdateRuleInput = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  points: z.number().int('whole points').min(0, 'from 0 to 100').max(100, 'from 0 to 100').nullable().optional(),
  monthlyCap: z.number().int('whole points').min(0, 'a cap may not be negative').max(1000).nullable().optional(),
  reason: ZReason,
  idempotencyKey: ZIdempotencyKey,
});

const ZGradeThreshold = z.object({
  points: z.number().int().min(0, 'may not be negative').max(10_000),
  reports: z.number().int().min(0, 'may not be negative').max(12, 'a year has 12 months'),
});
export const ZUpdateThresholdsInput = z.object({
  excellent: ZGradeThreshold,
  qualified: ZGradeThreshold,
  basic: ZGradeThreshold,
  pointsCount: z.boolean().optional(),
  reason: ZReason,
  idempotencyKey: ZIdempotencyKey,
});

const actorOf = (ctx: { claims: { tenantId: string; userId: string; name?: string } }) => ({
  tenantId: ctx.claims.tenantId, userId: ctx.claims.userId, name: ctx.claims.name ?? null,
});

/** Per-county points rules (issue 7): staff read them, the department changes them with history. */
export const rulesRouter = {
  list: staffProcedure.query(({ ctx }) =>
    ctx.tx(async (tx) => ({ rules: Object.values(await readRules(tx)), thresholds: await readThresholds(tx) })),
  ),

  update: departmentProcedure
    .input(ZUpdateRuleInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => updateRule(tx, actorOf(ctx), input, ctx.deps.now()))),

  history: departmentProcedure.query(({ ctx }) => ctx.tx((tx) => listRuleChanges(tx))),
} satisfies TRPCRouterRecord;

/** The evaluation thresholds, changed by the department with the same history. */
export const thresholdsRouter = {
  update: departmentProcedure
    .input(ZUpdateThresholdsInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => updateThresholds(tx, actorOf(ctx), input, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
