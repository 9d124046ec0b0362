import { publicProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { ZNewPassword } from '../passwords/password-policy.ts';
import { finishLogin } from '../sessions/start-session.ts';
import { acceptInvitation, describeInvitation } from './accept-invitation.ts';

const ZTenant = z.string().trim().min(1).max(32);
const ZToken = z.string().trim().min(10, 'the link is incomplete').max(128);

/** The page an invited administrator or staff member opens from the link. */
export const invitationsRouter = {
  check: publicProcedure
    .input(z.object({ tenantId: ZTenant, token: ZToken }))
    .query(({ ctx, input }) => ctx.systemTx(input.tenantId)((tx) => describeInvitation(tx, input.tenantId, input.token, ctx.deps.now()))),
  accept: publicProcedure.input(z.object({ tenantId: ZTenant, token: ZToken, password: ZNewPassword })).mutation(async ({ ctx, input }) => {
    const opened = await ctx.systemTx(input.tenantId)((tx) => acceptInvitation(tx, input.tenantId, { ...input, ip: ctx.clientIp }, ctx.deps.now()));
    return finishLogin(ctx, input.tenantId, opened);
  }),
} satisfies TRPCRouterRecord;
