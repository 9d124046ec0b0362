import { departmentProcedure, staffProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { CONTACT_CHANNELS, CONTACT_RESULTS, listContactTasks, recordContact } from './contact-tasks.ts';
import { readEscalationSettings, updateEscalationSettings } from './escalation-settings.ts';
import { badField } from '@tongxin/errors';

export const ZUpdateSettingsInput = z.object({
  reminderDay: z.number().int().min(1).max(28),
  contactTaskDay: z.number().int().min(2).max(28),
  lostContactMonths: z.number().int().min(1).max(12),
});
export const ZRecordContactInput = z.object({
  taskId: z.uuid(),
  channel: z.enum(CONTACT_CHANNELS),
  result: z.enum(CONTACT_RESULTS),
  note: z.string().trim().min(1).max(200).optional(),
  attemptedOn: z.iso.date('a date as YYYY-MM-DD'),
});

/** The ladder's settings (the department's) and the contact tasks it creates for secretaries. */
export const escalationRouter = {
  settings: departmentProcedure.query(({ ctx }) => ctx.tx((tx) => readEscalationSettings(tx, ctx.claims.tenantId))),

  updateSettings: departmentProcedure.input(ZUpdateSettingsInput).mutation(({ ctx, input }) => {
    // Days up to 28 exist in every month; the task comes after the reminder it follows up.
    if (input.contactTaskDay <= input.reminderDay) throw badField('contactTaskDay', 'after_reminder_day');
    return ctx.tx((tx) => updateEscalationSettings(tx, ctx.claims.tenantId, ctx.claims.userId, input, ctx.deps.now()));
  }),

  contactTasks: staffProcedure
    .input(z.object({ status: z.enum(['open', 'done']).optional() }).optional())
    .query(({ ctx, input }) => ctx.tx((tx) => listContactTasks(tx, input?.status))),

  recordContact: staffProcedure
    .input(ZRecordContactInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => recordContact(tx, ctx.claims.userId, input, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
