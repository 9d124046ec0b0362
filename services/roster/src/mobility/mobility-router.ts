import { ZAwayReason, ZContactAttempt, ZLostContactReason, ZPastDate } from '@tongxin/ledger';
import { actingProcedure, withOptionalOrg, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { findRosterOrg } from '../orgs/find-org.ts';
import { listContactAttempts, recordContactAttempt } from './contact-attempts.ts';
import { findSubject, findSubjectToDecide } from './find-subject.ts';
import { listLostContact } from './list-lost-contact.ts';
import { listOutflows } from './list-outflows.ts';
import { markLostContact, markRecontacted } from './mark-lost-contact.ts';
import { decideLostContact } from './decide-lost-contact.ts';
import { listLostContactProposals } from './list-lost-contact-proposals.ts';
import { decidePlacement, listPlacements } from './placements.ts';
import { registerOutflow } from './register-outflow.ts';
import { registerReturn } from './register-return.ts';

const place = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

export const ZRegisterOutflowInput = z.object({
  memberId: z.uuid().optional(),
  leftOn: ZPastDate,
  destinationProvince: place(20).optional(),
  destinationCity: place(40),
  /** 外出原因. Optional for the clients that predate it; the secretary's form always asks. */
  reasonCode: ZAwayReason.optional(),
  /** The words given with the reason (a note). */
  reason: place(200).optional(),
  expectedMonths: z.number().int().min(1).max(120).optional(),
  idempotencyKey: ZIdempotencyKey,
});

export const ZRegisterReturnInput = z.object({
  memberId: z.uuid().optional(),
  returnedOn: ZPastDate,
  note: place(200).optional(),
  idempotencyKey: ZIdempotencyKey,
});

export const ZRecordContactAttemptInput = ZContactAttempt.extend({ memberId: z.uuid(), idempotencyKey: ZIdempotencyKey });
export const ZMarkLostContactInput = z.object({ memberId: z.uuid(), reason: ZLostContactReason, idempotencyKey: ZIdempotencyKey });
export const ZMarkRecontactedInput = z.object({ memberId: z.uuid(), idempotencyKey: ZIdempotencyKey });
export const ZDecidePlacementInput = z.object({
  proposalId: z.uuid(),
  decision: z.enum(['confirm', 'dismiss']),
  note: place(200).optional(),
});

/** The reason is required to confirm (the register needs it); a dismissal needs none. */
export const ZDecideLostContactInput = z
  .object({ proposalId: z.uuid(), decision: z.enum(['confirm', 'dismiss']), reason: ZLostContactReason.optional(), note: place(200).optional() })
  .refine((input) => input.decision !== 'confirm' || input.reason !== undefined, { path: ['reason'], message: 'choose the reason for 失联 (1–7)' });

/** 外出登记 / 返乡, lost contact (失联) and the 6-month placement rule (brief). */
export const mobilityRouter = {
  registerOutflow: actingProcedure('member', 'secretary', 'department')
    .input(ZRegisterOutflowInput)
    .mutation(({ ctx, input }) =>
      ctx.tx(async (tx) => registerOutflow(tx, await findSubject(tx, ctx.caller, input.memberId), input, ctx.deps.now())),
    ),

  registerReturn: actingProcedure('member', 'secretary', 'department')
    .input(ZRegisterReturnInput)
    .mutation(({ ctx, input }) =>
      ctx.tx(async (tx) => registerReturn(tx, await findSubject(tx, ctx.caller, input.memberId), input, ctx.deps.now())),
    ),

  outflows: actingProcedure('member', 'secretary', 'department')
    .input(z.object({ memberId: z.uuid().optional() }))
    .query(({ ctx, input }) => ctx.tx((tx) => listOutflows(tx, input.memberId))),

  recordContactAttempt: actingProcedure('secretary', 'department')
    .input(ZRecordContactAttemptInput)
    .mutation(({ ctx, input }) =>
      ctx.tx(async (tx) => recordContactAttempt(tx, await findSubjectToDecide(tx, ctx.caller, input.memberId), input, ctx.deps.now())),
    ),

  contactAttempts: actingProcedure('secretary', 'department')
    .input(z.object({ memberId: z.uuid() }))
    .query(({ ctx, input }) =>
      ctx.tx(async (tx) => {
        const { member } = await findSubject(tx, ctx.caller, input.memberId, true);
        return listContactAttempts(tx, member.tenantId, member.id);
      }),
    ),

  markLostContact: actingProcedure('secretary', 'department')
    .input(ZMarkLostContactInput)
    .mutation(({ ctx, input }) =>
      ctx.tx(async (tx) =>
        markLostContact(tx, await findSubjectToDecide(tx, ctx.caller, input.memberId), input.reason, input.idempotencyKey, ctx.deps.now()),
      ),
    ),

  markRecontacted: actingProcedure('secretary', 'department')
    .input(ZMarkRecontactedInput)
    .mutation(({ ctx, input }) =>
      ctx.tx(async (tx) => markRecontacted(tx, await findSubjectToDecide(tx, ctx.caller, input.memberId), input.idempotencyKey, ctx.deps.now())),
    ),

  lostContact: actingProcedure('secretary', 'department')
    .input(z.object({ orgId: z.uuid().optional() }))
    .use(withOptionalOrg(findRosterOrg))
    .query(({ ctx }) => ctx.tx((tx) => listLostContact(tx, ctx.org?.path ?? null))),

  placements: actingProcedure('secretary', 'department')
    .input(z.object({ status: z.enum(['pending', 'confirmed', 'dismissed']).optional() }))
    .query(({ ctx, input }) => ctx.tx((tx) => listPlacements(tx, input.status))),

  decidePlacement: actingProcedure('secretary', 'department')
    .input(ZDecidePlacementInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => decidePlacement(tx, ctx.caller, input, ctx.deps.now()))),

  lostContactProposals: actingProcedure('secretary', 'department')
    .input(z.object({ status: z.enum(['pending', 'confirmed', 'dismissed']).optional() }))
    .query(({ ctx, input }) => ctx.tx((tx) => listLostContactProposals(tx, input.status))),

  decideLostContact: actingProcedure('secretary', 'department')
    .input(ZDecideLostContactInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => decideLostContact(tx, ctx.caller, input, ctx.deps.now()))),
} satisfies TRPCRouterRecord;

