import { findCopiedOrg } from '@tongxin/copies';
import { deciderOf, staffProcedure, withOptionalOrg, withOrg } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { confirmAllEvaluations } from './confirm-all-evaluations.ts';
import { confirmEvaluation } from './confirm-evaluation.ts';
import { GRADES } from './grade-rules.ts';
import { listEvaluationChanges } from './list-evaluation-changes.ts';
import { listEvaluations } from './list-evaluations.ts';
import { proposeEvaluations } from './propose-evaluations.ts';
import { orgs } from '../schema.ts';

const ZYear = z.number().int().min(2000).max(2100);
const withScoringOrg = withOrg(findCopiedOrg(orgs));

/** The annual evaluation (考核评价): proposals from the rules, the branch's decision, the history. */
export const evaluationRouter = {
  propose: staffProcedure
    .input(z.object({ year: ZYear, orgId: z.guid() }))
    .use(withScoringOrg)
    .mutation(({ ctx, input }) => ctx.tx((tx) => proposeEvaluations(tx, ctx.caller, { year: input.year, org: ctx.org }, ctx.deps.now()))),

  list: staffProcedure
    .input(z.object({ year: ZYear, orgId: z.guid().optional() }))
    .use(withOptionalOrg(findCopiedOrg(orgs)))
    .query(({ ctx, input }) => ctx.tx((tx) => listEvaluations(tx, input.year, ctx.org?.path))),

  confirm: staffProcedure
    .input(z.object({ year: ZYear, memberId: z.guid(), grade: z.enum(GRADES), reason: z.string().max(500).nullable().optional() }))
    .mutation(({ ctx, input }) =>
      ctx.tx((tx) => confirmEvaluation(tx, { ...deciderOf(ctx.caller), tenantId: ctx.caller.tenantId, name: ctx.claims.name ?? null }, input, ctx.deps.now())),
    ),

  /** Every not-yet-confirmed proposal under the org, confirmed as proposed. */
  confirmAll: staffProcedure
    .input(z.object({ year: ZYear, orgId: z.guid() }))
    .use(withScoringOrg)
    .mutation(({ ctx, input }) =>
      ctx.tx((tx) => confirmAllEvaluations(tx, { ...ctx.caller, name: ctx.claims.name ?? null }, { year: input.year, org: ctx.org }, ctx.deps.now())),
    ),

  history: staffProcedure
    .input(z.object({ year: ZYear, memberId: z.guid() }))
    .query(({ ctx, input }) => ctx.tx((tx) => listEvaluationChanges(tx, input.year, input.memberId))),
} satisfies TRPCRouterRecord;
