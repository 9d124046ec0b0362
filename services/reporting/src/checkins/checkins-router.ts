import { actingProcedure, memberProcedure, staffProcedure, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { decideCheckin } from './decide-checkin.ts';
import { endCheckin } from './end-checkin.ts';
import { listCheckinInbox, listHomeCheckins, listMyCheckins } from './list-checkins.ts';
import { requestCheckin, shareOptions } from './request-checkin.ts';
import { GRANTABLE_FIELDS } from './checkin-rules.ts';
import { resubmitCheckin } from './resubmit-checkin.ts';
import { requestOutsideCheckin } from './request-outside-checkin.ts';
import { resendCheckinLink } from './resend-checkin-link.ts';
import { deliverOutbound } from '../notifications/outbound-channel.ts';
import { ZMobilePhone } from '@tongxin/ledger';

const ZStatus = z.enum(['pending', 'accepted', 'refused', 'returned', 'ended', 'withdrawn']);

export const ZRequestCheckinInput = z.object({
  destTenantId: z.string().trim().min(1).max(64),
  /** Ids only: the destination's path and name are the server's (request-checkin.ts). */
  destOrgId: z.uuid(),
  note: z.string().trim().max(500).optional(),
  /** Ledger fields the member chooses to share beyond the county's minimum (issue 17). */
  extraFields: z.array(z.enum(GRANTABLE_FIELDS)).max(GRANTABLE_FIELDS.length).optional(),
  /** Show the destination the member's standing activity certificate (issue 17; the server finds it). */
  attachCertificate: z.boolean().optional(),
  idempotencyKey: ZIdempotencyKey,
});
const text = (max: number) => z.string().trim().min(1).max(max);
/** Looks like a web address: member-typed words that go into an SMS under the county's signature must not carry one. */
const LINK_LIKE = /(?:https?:|:\/\/|www\.|[a-z0-9-]+\.(?:com|cn|net|org|top|xyz|cc|io|me|info|vip|shop|site|link)\b)/i;
const plainText = (max: number) => text(max).refine((value) => !LINK_LIKE.test(value), { message: 'a name, not a web address', params: { code: 'no_links' } });
/** A destination outside Tongxin, as the member names it (issue 17); its contact gets the link by SMS, so a mobile. */
export const ZRequestOutsideCheckinInput = z.object({
  orgName: plainText(100),
  city: plainText(40),
  contactName: plainText(40),
  contactPhone: ZMobilePhone,
  note: z.string().trim().max(500).optional(),
  attachCertificate: z.boolean(),
  idempotencyKey: ZIdempotencyKey,
});
export const ZResendCheckinLinkInput = z.object({ checkinId: z.uuid(), idempotencyKey: ZIdempotencyKey });
export const ZDecideCheckinInput = z.object({
  checkinId: z.uuid(),
  decision: z.enum(['accept', 'refuse', 'return']),
  reason: z.string().trim().max(500).optional(),
});
export const ZResubmitCheckinInput = z.object({ checkinId: z.uuid(), note: z.string().trim().min(1).max(500), idempotencyKey: ZIdempotencyKey });
export const ZEndCheckinInput = z.object({ checkinId: z.uuid(), reason: z.string().trim().max(500).optional() });
const ZStatusFilter = z.object({ status: ZStatus.optional() }).optional();

export const checkinsRouter = {
  /** What a check-in from the member's county shares: the county's minimum, and the fields the member may add. */
  shareOptions: memberProcedure.query(({ ctx }) => ctx.tx((tx) => shareOptions(tx, ctx.claims.tenantId))),

  request: memberProcedure
    .input(ZRequestCheckinInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => requestCheckin(tx, ctx.claims.tenantId, ctx.claims.userId, input, ctx.deps.now()))),

  /**
   * A destination outside Tongxin (issue 17): the row and its link in one transaction, the
   * link's SMS after commit through the county's outbound channel (the development message
   * log by default), once: a retry sends nothing.
   */
  requestOutside: memberProcedure.input(ZRequestOutsideCheckinInput).mutation(async ({ ctx, input }) => {
    const now = ctx.deps.now();
    const { checkinId, message } = await ctx.tx((tx) => requestOutsideCheckin(tx, ctx.claims.tenantId, ctx.claims.userId, input, { now, publicUrl: ctx.deps.publicUrl }));
    await deliverOutbound([message], ctx.deps.messages?.development);
    return { checkinId };
  }),

  /** The home branch's secretaries or department send an outside destination a new link; the old one stops working. */
  resendLink: staffProcedure.input(ZResendCheckinLinkInput).mutation(async ({ ctx, input }) => {
    const now = ctx.deps.now();
    const caller = { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId, orgIds: ctx.orgIds };
    const { expiresAt, message } = await ctx.tx((tx) => resendCheckinLink(tx, caller, input, { now, publicUrl: ctx.deps.publicUrl }));
    await deliverOutbound([message], ctx.deps.messages?.development);
    return { expiresAt };
  }),

  /** The destination's secretary (an org on the path) or department. */
  decide: staffProcedure
    .input(ZDecideCheckinInput)
    .mutation(({ ctx, input }) =>
      ctx.tx((tx) => decideCheckin(tx, { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId, name: ctx.claims.name ?? null, orgIds: ctx.orgIds }, input, ctx.deps.now())),
    ),

  resubmit: memberProcedure
    .input(ZResubmitCheckinInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => resubmitCheckin(tx, ctx.claims.tenantId, ctx.claims.userId, input, ctx.deps.now()))),

  /** The member, or either side's secretaries and department. */
  end: actingProcedure('member', 'secretary', 'department')
    .input(ZEndCheckinInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => endCheckin(tx, ctx.caller, input, ctx.deps.now()))),

  mine: memberProcedure.query(({ ctx }) => ctx.tx((tx) => listMyCheckins(tx, ctx.claims.tenantId, ctx.claims.userId, ctx.deps.now()))),

  forHome: staffProcedure
    .input(ZStatusFilter)
    .query(({ ctx, input }) => ctx.tx((tx) => listHomeCheckins(tx, ctx.claims.tenantId, ctx.orgIds, ctx.deps.now(), input?.status))),

  inbox: staffProcedure
    .input(ZStatusFilter)
    .query(({ ctx, input }) => ctx.tx((tx) => listCheckinInbox(tx, ctx.claims.tenantId, ctx.claims.userId, ctx.orgIds, ctx.deps.now(), input?.status))),
} satisfies TRPCRouterRecord;
