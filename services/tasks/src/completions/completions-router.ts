import { memberProcedure, staffProcedure, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { listPendingCompletions } from './list-pending-completions.ts';
import { reviewCompletion } from './review-completion.ts';
import { submitCompletion } from './submit-completion.ts';

const ZText = z.string().trim().max(2000).transform((s) => s || null).nullable().default(null);

export const ZSubmitCompletionInput = z.object({
  // The claim's id only: its county is read from the caller's own claim (issue 13, class A).
  claimId: z.uuid(),
  note: ZText,
  amount: z.number().min(0).max(1_000_000_000).nullable().default(null),
  photoIds: z.array(z.uuid()).max(6).default([]),
  response: ZText,
  idempotencyKey: ZIdempotencyKey,
});
export const ZReviewCompletionInput = z.object({
  // Reviewers review in their own county: no county in input (issue 13, class A).
  completionId: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(500).transform((s) => s || null).nullable().default(null),
});

export const completionsRouter = {
  submit: memberProcedure
    .input(ZSubmitCompletionInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => submitCompletion(tx, ctx.claims, input, ctx.deps.now()))),

  pending: staffProcedure.query(({ ctx }) => ctx.tx((tx) => listPendingCompletions(tx, ctx.claims))),

  review: staffProcedure
    .input(ZReviewCompletionInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => reviewCompletion(tx, ctx.caller, input, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
