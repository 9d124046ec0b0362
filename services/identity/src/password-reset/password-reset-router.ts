import { publicProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { ZTypedPhone } from '../accounts/typed-phone.ts';
import { afterAnswer } from '../channel/after-answer.ts';
import { ZNewPassword } from '../passwords/password-policy.ts';
import { finishLogin } from '../sessions/start-session.ts';
import { completePasswordReset } from './complete-password-reset.ts';
import { requestPasswordReset, sendResetCode, type ResetRefusal } from './request-password-reset.ts';
import { DomainError } from '@tongxin/errors';

const ZTenant = z.string().trim().min(1, 'choose a county').max(32);

const REFUSALS: Record<ResetRefusal | 'invalid', () => DomainError> = {
  unknown_tenant: () => new DomainError('county_not_found', { message: 'Unknown county (tenant)' }),
  suspended: () => new DomainError('county_suspended', { message: 'This county is suspended' }),
  throttled: () => new DomainError('too_many_attempts', { message: 'Too many attempts: try again in 15 minutes' }),
  invalid: () => new DomainError('code_invalid', { message: 'The code is wrong or has expired' }),
};

/** A forgotten password, by a code sent to the phone that is the username (issue 12). No login. */
export const passwordResetRouter = {
  /**
   * `{ ok: true }` whether or not the phone has an account, in the same time: the code is
   * made and sent after the answer (issue 13 E).
   */
  request: publicProcedure.input(z.object({ tenantId: ZTenant, phone: ZTypedPhone })).mutation(async ({ ctx, input }) => {
    const asked = { ...input, ip: ctx.clientIp };
    const result = await ctx.systemTx(input.tenantId)((tx) => requestPasswordReset(tx, ctx.deps, asked));
    if (result.outcome !== 'ok') throw REFUSALS[result.outcome]();
    afterAnswer(ctx.deps, 'reset code', () => ctx.systemTx(input.tenantId)((tx) => sendResetCode(tx, ctx.deps, asked)));
    return { ok: true as const };
  }),

  /** Every old session ends; the caller is logged in with a fresh one. */
  complete: publicProcedure
    .input(z.object({ tenantId: ZTenant, phone: ZTypedPhone, code: z.string().trim().regex(/^\d{6}$/, 'the 6-digit code'), newPassword: ZNewPassword }))
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.systemTx(input.tenantId)((tx) => completePasswordReset(tx, input.tenantId, { ...input, ip: ctx.clientIp }, ctx.deps.now()));
      if (result.outcome !== 'ok') throw REFUSALS[result.outcome]();
      return finishLogin(ctx, input.tenantId, result.opened);
    }),
} satisfies TRPCRouterRecord;
