import { departmentProcedure, publicProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { ZNewPassword } from '../passwords/password-policy.ts';
import { finishLogin } from '../sessions/start-session.ts';
import { SETUP_STEPS, getSetup, goLive, markStep, saveProfile } from './county-setup.ts';
import { PLATFORM, checkSetupToken, completeSetup } from './first-operator.ts';

const ZToken = z.string().trim().min(10, 'the link is incomplete').max(128);
const ZText = (max: number) => z.string().trim().max(max).optional();

export const ZCompleteSetupInput = z.object({
  token: ZToken,
  username: z.string().trim().min(3, 'at least 3 characters').max(64).regex(/^[\w.@-]+$/, 'letters, digits and . _ @ - only'),
  name: z.string().trim().min(1, 'enter your name').max(40),
  password: ZNewPassword,
});

/**
 * Setting Tongxin up: the first operator's account from the link `npm start` printed
 * (public), and a county's own setup wizard (its department), resumable at any time.
 */
export const setupRouter = {
  check: publicProcedure.input(z.object({ token: ZToken })).query(({ ctx, input }) => ctx.systemTx(PLATFORM)((tx) => checkSetupToken(tx, input.token, ctx.deps.now()))),
  complete: publicProcedure.input(ZCompleteSetupInput).mutation(async ({ ctx, input }) => {
    const opened = await ctx.systemTx(PLATFORM)((tx) => completeSetup(tx, { ...input, ip: ctx.clientIp }, ctx.deps.now()));
    return finishLogin(ctx, PLATFORM, opened);
  }),

  get: departmentProcedure.query(({ ctx }) => ctx.tx((tx) => getSetup(tx, ctx.claims.tenantId))),
  saveProfile: departmentProcedure
    .input(z.object({ contact: ZText(40), phone: ZText(20), address: ZText(120) }))
    .mutation(({ ctx, input }) => ctx.tx((tx) => saveProfile(tx, ctx.claims.tenantId, ctx.claims.userId, input, ctx.deps.now()))),
  markStep: departmentProcedure
    .input(z.object({ step: z.enum(SETUP_STEPS), done: z.boolean() }))
    .mutation(({ ctx, input }) => ctx.tx((tx) => markStep(tx, ctx.claims.tenantId, ctx.claims.userId, input.step, input.done, ctx.deps.now()))),
  goLive: departmentProcedure
    .input(z.object({ acknowledgeWarnings: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => ctx.tx((tx) => goLive(tx, ctx.claims.tenantId, ctx.claims.userId, input.acknowledgeWarnings, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
