import { departmentProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { listDeliveries } from './list-deliveries.ts';
import { readSmsSettings, saveSmsSettings } from './sms-settings.ts';
import { DomainError, badField } from '@tongxin/errors';

const ZTemplateId = z.string().trim().regex(/^\d{1,12}$/, 'a template id is a number');

export const ZSaveSmsSettingsInput = z.object({
  sdkAppId: z.string().trim().regex(/^\d{5,20}$/, 'the SDK AppID is a number, e.g. 1400006666'),
  signName: z.string().trim().min(2, 'enter the approved signature').max(20),
  region: z.string().trim().regex(/^[a-z]{2}-[a-z]+$/, 'a region such as ap-guangzhou').default('ap-guangzhou'),
  templates: z.object({ activation: ZTemplateId, reset: ZTemplateId, invitation: ZTemplateId }),
  secretId: z.string().trim().regex(/^[A-Za-z0-9]{8,128}$/, 'the SecretId has letters and digits only'),
  /** Left out to keep the key already stored. */
  secretKey: z.string().trim().regex(/^[A-Za-z0-9]{8,128}$/, 'the SecretKey has letters and digits only').optional(),
});

/** The department's SMS provider (issue 12, "A real message channel"): settings and what was sent. */
export const smsRouter = {
  get: departmentProcedure.query(({ ctx }) => ctx.tx((tx) => readSmsSettings(tx, ctx.claims.tenantId))),

  save: departmentProcedure.input(ZSaveSmsSettingsInput).mutation(async ({ ctx, input }) => {
    const masterKey = ctx.deps.messages?.masterKey;
    if (!masterKey) throw new DomainError('sms_keys_unavailable', { message: 'This server cannot keep SMS keys' });
    const who = { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId };
    const result = await ctx.tx((tx) => saveSmsSettings(tx, who, input, masterKey, ctx.deps.now()));
    if ('missingSecretKey' in result) throw badField('secretKey', 'required');
    return result.saved;
  }),

  deliveries: departmentProcedure.query(({ ctx }) => ctx.tx((tx) => listDeliveries(tx, ctx.claims.tenantId))),
} satisfies TRPCRouterRecord;
