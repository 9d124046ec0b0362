import { staffProcedure, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { issueActivationCodes } from './issue-activation-codes.ts';
import { listAccountBranches } from './list-account-branches.ts';
import { listMemberAccounts } from './list-member-accounts.ts';
import { revokeActivationCodes } from './revoke-activation-codes.ts';

export const ZIssueActivationInput = z
  .object({
    memberIds: z.array(z.uuid('a member id')).min(1, 'choose at least one member').max(500, 'at most 500 members at once').optional(),
    branchId: z.uuid('a branch id').optional(),
    idempotencyKey: ZIdempotencyKey,
  })
  .refine((input) => (input.memberIds ? 1 : 0) + (input.branchId ? 1 : 0) === 1, { message: 'choose members or one branch', path: ['memberIds'], params: { code: 'members_or_branch' } });

/**
 * Accounts for members already in the roster (issue 12): who has activated, by branch, and
 * the activation codes. The department sees its county, a secretary their subtrees (the
 * `people` and `activation_codes` policies; each query also names the scope).
 */
export const accountsRouter = {
  branches: staffProcedure.query(({ ctx }) => ctx.tx((tx) => listAccountBranches(tx, ctx.claims.tenantId, ctx.deps.now()))),

  members: staffProcedure
    .input(z.object({ branchId: z.uuid('a branch id') }))
    .query(({ ctx, input }) => ctx.tx((tx) => listMemberAccounts(tx, ctx.claims.tenantId, input.branchId, ctx.deps.now()))),

  /** Codes come back once, for the printable sheet, and go out through the channel. */
  issue: staffProcedure
    .input(ZIssueActivationInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => issueActivationCodes(tx, ctx.deps, { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId }, input))),

  revoke: staffProcedure
    .input(z.object({ memberId: z.uuid('a member id') }))
    .mutation(({ ctx, input }) => ctx.tx((tx) => revokeActivationCodes(tx, { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId }, input.memberId, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
