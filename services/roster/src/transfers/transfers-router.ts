
import { actingProcedure, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { findSubject } from '../mobility/find-subject.ts';
import { acceptTransfer } from './accept-transfer.ts';
import { approveTransfer } from './approve-transfer.ts';
import { cancelTransfer, rejectTransfer } from './close-transfer.ts';
import { getTransfer, listInbox } from './list-transfers.ts';
import { requestTransfer } from './request-transfer.ts';

const note = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

export const ZRequestTransferInput = z.object({
  memberId: z.uuid().optional(),
  toOrgId: z.uuid(),
  toTenantId: z.string().trim().min(1).max(40).optional(),
  reason: note(200).optional(),
  idempotencyKey: ZIdempotencyKey,
});
export const ZApproveTransferInput = z.object({ transferId: z.uuid(), note: note(200).optional() });
export const ZAcceptTransferInput = z.object({ transferId: z.uuid(), toBranchId: z.uuid().optional() });
export const ZRejectTransferInput = z.object({ transferId: z.uuid(), reason: note(200) });
export const ZTransferIdInput = z.object({ transferId: z.uuid() });

/** 组织关系转接 (brief: "transfer where suitable, transfer where willing"). */
export const transfersRouter = {
  request: actingProcedure('member', 'secretary', 'department')
    .input(ZRequestTransferInput)
    .mutation(({ ctx, input }) =>
      ctx.tx(async (tx) => requestTransfer(tx, ctx.caller, await findSubject(tx, ctx.caller, input.memberId), input, ctx.deps.now())),
    ),

  approve: actingProcedure('secretary', 'department')
    .input(ZApproveTransferInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => approveTransfer(tx, ctx.caller, input.transferId, input.note, ctx.deps.now()))),

  accept: actingProcedure('secretary', 'department')
    .input(ZAcceptTransferInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => acceptTransfer(tx, ctx.caller, input, ctx.deps.now()))),

  reject: actingProcedure('secretary', 'department')
    .input(ZRejectTransferInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => rejectTransfer(tx, ctx.caller, input.transferId, input.reason, ctx.deps.now()))),

  cancel: actingProcedure('member', 'secretary')
    .input(ZTransferIdInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => cancelTransfer(tx, ctx.caller, input.transferId, ctx.deps.now()))),

  inbox: actingProcedure('member', 'secretary', 'department').query(({ ctx }) => ctx.tx((tx) => listInbox(tx, ctx.caller))),

  get: actingProcedure('member', 'secretary', 'department')
    .input(ZTransferIdInput)
    .query(({ ctx, input }) => ctx.tx((tx) => getTransfer(tx, ctx.caller, input.transferId))),
} satisfies TRPCRouterRecord;
