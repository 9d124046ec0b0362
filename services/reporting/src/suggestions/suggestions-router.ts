import { deciderOf, memberProcedure, staffProcedure, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { advanceSuggestion } from './advance-suggestion.ts';
import { listMySuggestions, listSuggestionInbox } from './list-suggestions.ts';
import { sendSuggestion } from './send-suggestion.ts';
import { SUGGESTION_CATEGORIES } from './suggestion-rules.ts';

const STATUSES = ['received', 'adopted', 'in_progress', 'done', 'declined'] as const;

export const ZSendSuggestionInput = z.object({
  toOrgId: z.uuid(),
  category: z.enum(SUGGESTION_CATEGORIES),
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(2000),
  idempotencyKey: ZIdempotencyKey,
});
export const ZAdvanceSuggestionInput = z.object({
  suggestionId: z.uuid(),
  status: z.enum(['adopted', 'in_progress', 'done', 'declined']),
  answer: z.string().trim().min(1).max(1000).optional(),
});

/** 建言献策: members write to the home branch or township; its secretaries answer. */
export const suggestionsRouter = {
  send: memberProcedure
    .input(ZSendSuggestionInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => sendSuggestion(tx, ctx.claims.tenantId, ctx.claims.userId, input, ctx.deps.now()))),

  mine: memberProcedure.query(({ ctx }) => ctx.tx((tx) => listMySuggestions(tx, ctx.claims.userId))),

  inbox: staffProcedure
    .input(z.object({ status: z.enum(STATUSES).optional() }).optional())
    .query(({ ctx, input }) => ctx.tx((tx) => listSuggestionInbox(tx, ctx.claims.userId, input?.status))),

  advance: staffProcedure
    .input(ZAdvanceSuggestionInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => advanceSuggestion(tx, ctx.claims.tenantId, deciderOf(ctx.caller), input, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
