import { ZAwayReason, ZContactAttempt, ZLostContactReason, ZPastDate } from '@tongxin/ledger';
import { actingProcedure, withOptionalOrg, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { findRosterOrg } from '../orgs/find-org.ts';
import { listContactAttempts, recordContactAttempt } from './contact-attempts.ts';
import { findSubject, findSubjectToDecide } from './find-subject.ts';
import { listLostContact } from './list-lost-contact.ts';
import { listLostContactRegisters } from './lost-contact-registers.ts';
import { chinaYear } from '@tongxin/calendar';
import { listOutflows } from './list-outflows.ts';
import { markLostContact, markRecontacted } from './mark-lost-contact.ts';
import { decideLostContact } from './decide-lost-contact.ts';
import { listLostContactProposals } from './list-lost-contact-proposals.ts';
import { decidePlacement, listPlacements } from './placements.ts';
import { registerOutflow } from './register-outflow.ts';
import { registerReturn } from './register-return.ts';
import { decideMobilityRequest } from './decide-mobility-request.ts';
import { fileOutflow, fileReturn, withdrawRequest } from './file-mobility-request.ts';
import { listMobilityRequests, myMobility } from './list-mobility-requests.ts';
import {
  ZDecideMobilityRequestInput, ZFileOutflowInput, ZFileReturnInput, ZMobilityRequestsInput, ZWithdrawMobilityRequestInput,
} from './mobility-request-input.ts';

const place = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

export const ZRegisterOutflowInput = z.object({
  memberId: z.uuid(),
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
  memberId: z.uuid(),
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

/** 外出登记 / 返乡 (the secretary's record, the member's request), lost contact (失联) and the 6-month placement rule (brief). */
export const mobilityRouter = {
  // The secretary records what the member handed in on paper; a member files a request
  // instead (fileOutflow, fileReturn), which the secretary or the level above confirms.
  registerOutflow: actingProcedure('secretary', 'department')
    .input(ZRegisterOutflowInput)
    .mutation(({ ctx, input }) =>
      ctx.tx(async (tx) => registerOutflow(tx, await findSubjectToDecide(tx, ctx.caller, input.memberId), input, ctx.deps.now())),
    ),

  registerReturn: actingProcedure('secretary', 'department')
    .input(ZRegisterReturnInput)
    .mutation(({ ctx, input }) =>
      ctx.tx(async (tx) => registerReturn(tx, await findSubjectToDecide(tx, ctx.caller, input.memberId), input, ctx.deps.now())),
    ),

  /** 外出登记 filed by the member themself: a request the home branch confirms (issue 17). */
  fileOutflow: actingProcedure('member')
    .input(ZFileOutflowInput)
    .mutation(({ ctx, input }) => ctx.tx(async (tx) => fileOutflow(tx, await findSubject(tx, ctx.caller, undefined), input, ctx.deps.now()))),

  /** 返乡登记 filed by the member themself, with the report on the time away. */
  fileReturn: actingProcedure('member')
    .input(ZFileReturnInput)
    .mutation(({ ctx, input }) => ctx.tx(async (tx) => fileReturn(tx, await findSubject(tx, ctx.caller, undefined), input, ctx.deps.now()))),

  withdrawRequest: actingProcedure('member')
    .input(ZWithdrawMobilityRequestInput)
    .mutation(({ ctx, input }) =>
      ctx.tx(async (tx) => withdrawRequest(tx, (await findSubject(tx, ctx.caller, undefined)).member, input.requestId, ctx.deps.now())),
    ),

  /** The member's page: away or at home, their requests, and what the forms start from. */
  mine: actingProcedure('member').query(({ ctx }) =>
    ctx.tx(async (tx) => myMobility(tx, (await findSubject(tx, ctx.caller, undefined, true)).member, ctx.deps.now())),
  ),

  /** The secretary's queue of members' requests (pending by default), with its count. */
  requests: actingProcedure('secretary', 'department')
    .input(ZMobilityRequestsInput)
    .query(({ ctx, input }) => ctx.tx((tx) => listMobilityRequests(tx, ctx.caller, input.status))),

  decideRequest: actingProcedure('secretary', 'department')
    .input(ZDecideMobilityRequestInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => decideMobilityRequest(tx, ctx.caller, input, ctx.deps.now()))),

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

  /** The 失联 and 恢复联系 registers (official layout, exported by the view), for a year (this one by default). */
  lostContactRegisters: actingProcedure('secretary', 'department')
    .input(z.object({ orgId: z.uuid().optional(), year: z.number().int().min(2000).max(2100).optional() }))
    .use(withOptionalOrg(findRosterOrg))
    .query(({ ctx, input }) => ctx.tx((tx) => listLostContactRegisters(tx, { org: ctx.org, orgIds: ctx.caller.orgIds }, input.year ?? chinaYear(ctx.deps.now())))),

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

