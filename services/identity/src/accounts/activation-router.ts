import { publicProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { ZNewPassword } from '../passwords/password-policy.ts';
import { finishLogin } from '../sessions/start-session.ts';
import { ZTypedPhone } from './typed-phone.ts';
import { checkActivationCode, redeemActivationCode, type ActivationRefusal } from './redeem-activation-code.ts';
import { DomainError } from '@tongxin/errors';

const ZTenant = z.string().trim().min(1, 'choose a county').max(32);
const ZCode = z.string().trim().min(1, 'enter the code').max(32);

export const ZRedeemActivationInput = z
  .object({
    tenantId: ZTenant,
    code: ZCode,
    name: z.string().trim().min(1, 'enter your name').max(64),
    idTail: z.string().trim().toUpperCase().regex(/^\d{5}[\dX]$/, 'the last 6 characters of your ID number').optional(),
    phone: ZTypedPhone.optional(),
    password: ZNewPassword,
  })
  .refine((input) => input.idTail || input.phone, { message: 'the last 6 characters of your ID number, or your phone', path: ['idTail'], params: { code: 'id_tail_or_phone' } });

const REFUSALS: Record<ActivationRefusal, () => DomainError> = {
  invalid: () => new DomainError('link_invalid', { message: 'This link is no longer valid' }),
  suspended: () => new DomainError('county_suspended', { message: 'This county is suspended' }),
  locked: () => new DomainError('too_many_attempts', { message: 'Too many attempts: try again in 15 minutes' }),
  mismatch: () => new DomainError('details_mismatch', { message: 'The details do not match' }),
  active: () => new DomainError('account_active', { message: 'This account is already active' }),
  phone_taken: () => new DomainError('phone_taken', { message: 'This phone number already has an account' }),
};

/** The page a member opens from their code (issue 12): no login, the code is the gate. */
export const activationRouter = {
  /** The county's name, or why the code cannot be used; nothing about the person. */
  check: publicProcedure.input(z.object({ tenantId: ZTenant, code: ZCode })).query(async ({ ctx, input }) => {
    const found = await ctx.systemTx(input.tenantId)((tx) => checkActivationCode(tx, input.tenantId, { code: input.code, ip: ctx.clientIp }, ctx.deps.now()));
    if (found.outcome !== 'ok') throw REFUSALS[found.outcome]();
    return { tenantName: found.tenantName };
  }),

  redeem: publicProcedure.input(ZRedeemActivationInput).mutation(async ({ ctx, input }) => {
    // Tenant-wide: nobody is logged in yet, and the member's row is found through the code.
    const result = await ctx.systemTx(input.tenantId)((tx) => redeemActivationCode(tx, input.tenantId, { ...input, ip: ctx.clientIp }, ctx.deps.now()));
    if (result.outcome !== 'ok') throw REFUSALS[result.outcome]();
    return finishLogin(ctx, input.tenantId, result.opened);
  }),
} satisfies TRPCRouterRecord;
