import { memberProcedure, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { claimTask } from './claim-task.ts';
import { listMyClaims } from './list-my-claims.ts';
import { withdrawClaim } from './withdraw-claim.ts';

// Record ids only: the task's county is read by the server (tasks.take_place, release_place),
// never taken from input (issue 13, class A); a key such as `taskTenantId` is dropped unread.
export const ZClaimTaskInput = z.object({ taskId: z.uuid(), idempotencyKey: ZIdempotencyKey });
export const ZWithdrawClaimInput = z.object({ claimId: z.uuid() });

export const claimsRouter = {
  // One statement (tasks.take_place): scope and claim in one round trip.
  claim: memberProcedure.input(ZClaimTaskInput).mutation(({ ctx, input }) => ctx.tx((tx) => claimTask(tx, input, ctx.deps.now()), 'unit')),

  withdraw: memberProcedure
    .input(ZWithdrawClaimInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => withdrawClaim(tx, input.claimId, ctx.deps.now()))),

  mine: memberProcedure.query(({ ctx }) => ctx.tx((tx) => listMyClaims(tx, ctx.claims))),
} satisfies TRPCRouterRecord;
