import { publicProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { answerCheckinLink, openCheckinLink, type LinkOutcome } from './answer-checkin-link.ts';

const ZTenant = z.string().trim().min(1).max(32);
/** The token in the link: base32, 32 characters; anything else is no link. */
const ZToken = z.string().trim().min(16, 'the link is incomplete').max(64);

export const ZOpenCheckinLinkInput = z.object({ tenantId: ZTenant, token: ZToken });
export const ZAnswerCheckinLinkInput = z.object({
  tenantId: ZTenant,
  token: ZToken,
  answer: z.enum(['confirm', 'decline']),
  declineCode: z.enum(['identity_unverifiable', 'wrong_organization']).optional(),
  rightOrg: z.string().trim().max(100).optional(),
});

/** The refusal after the transaction committed (so the throttle's count stands), else the answer. */
function settle<T>(outcome: LinkOutcome<T>): T {
  if (outcome.refusal) throw outcome.refusal;
  return outcome.value;
}

/**
 * The single-use link of a check-in with an organization outside Tongxin (issue 17), opened by
 * its contact without an account: the shell's `/checkin-answer` page. Public, so the token is
 * the only gate: a tenant-wide transaction in the county the link names, a failure per client
 * address counted (`link-throttle.ts`).
 */
export const checkinLinksRouter = {
  /** What the contact sees: the member's name, home branch, certificate validity. A query that counts a failure, so one write transaction. */
  open: publicProcedure
    .input(ZOpenCheckinLinkInput)
    .query(async ({ ctx, input }) => settle(await ctx.systemTx(input.tenantId)((tx) => openCheckinLink(tx, input.tenantId, input.token, ctx.clientIp, ctx.deps.now()), 'write'))),

  answer: publicProcedure
    .input(ZAnswerCheckinLinkInput)
    .mutation(async ({ ctx, input }) => settle(await ctx.systemTx(input.tenantId)((tx) => answerCheckinLink(tx, input.tenantId, input, ctx.clientIp, ctx.deps.now())))),
} satisfies TRPCRouterRecord;
