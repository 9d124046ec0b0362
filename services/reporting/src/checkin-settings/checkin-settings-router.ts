import { departmentProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { GRANTABLE_FIELDS, type GrantableField, REQUIRED_GRANT_FIELD } from '../checkins/checkin-rules.ts';
import { readCheckinSettings, saveCheckinSettings } from './checkin-settings.ts';

const isGrantable = (field: unknown): field is GrantableField => (GRANTABLE_FIELDS as readonly unknown[]).includes(field);

/** Every problem is reported on `grantFields` itself (not `grantFields.3`): the form shows one message for the list. */
export const ZSaveCheckinSettingsInput = z.object({
  grantFields: z
    .array(z.unknown())
    .max(GRANTABLE_FIELDS.length * 2)
    .superRefine((fields, ctx) => {
      const refused = fields.find((field) => !isGrantable(field));
      if (refused !== undefined) ctx.addIssue({ code: 'custom', message: `not a field a check-in may grant: ${String(refused).slice(0, 40)}`, params: { code: 'field_not_grantable', values: { field: String(refused).slice(0, 40) } } });
      else if (!fields.includes(REQUIRED_GRANT_FIELD)) ctx.addIssue({ code: 'custom', message: `include ${REQUIRED_GRANT_FIELD}: the destination needs it` });
      else if (new Set(fields).size !== fields.length) ctx.addIssue({ code: 'custom', message: 'each field once' });
    })
    .transform((fields) => fields.filter(isGrantable)),
});

/** Which ledger fields a check-in from the county grants by default (the setup wizard's settings step). */
export const checkinSettingsRouter = {
  get: departmentProcedure.query(({ ctx }) => ctx.tx((tx) => readCheckinSettings(tx, ctx.claims.tenantId))),

  save: departmentProcedure
    .input(ZSaveCheckinSettingsInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => saveCheckinSettings(tx, ctx.claims.tenantId, ctx.claims.userId, input.grantFields, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
