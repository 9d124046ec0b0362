import { authedProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { countUnread, listNotifications, markRead } from './list-notifications.ts';
import { readReminders, setReminders } from './reminder-settings.ts';

export const ZListNotificationsInput = z
  .object({ unreadOnly: z.boolean().optional(), limit: z.number().int().min(1).max(100).optional() })
  .optional();
export const ZMarkReadInput = z.object({ ids: z.array(z.uuid()).min(1).max(100) });

/** Every logged-in user's in-app inbox (members, secretaries and departments alike). */
export const notificationsRouter = {
  mine: authedProcedure
    .input(ZListNotificationsInput)
    .query(({ ctx, input }) =>
      ctx.tx((tx) => listNotifications(tx, ctx.claims.userId, { unreadOnly: input?.unreadOnly ?? false, limit: input?.limit ?? 50 })),
    ),

  unreadCount: authedProcedure.query(({ ctx }) => ctx.tx((tx) => countUnread(tx, ctx.claims.userId))),

  markRead: authedProcedure
    .input(ZMarkReadInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => markRead(tx, ctx.claims.userId, input.ids, ctx.deps.now()))),

  markAllRead: authedProcedure.mutation(({ ctx }) => ctx.tx((tx) => markRead(tx, ctx.claims.userId, 'all', ctx.deps.now()))),

  /** The user's own choice about non-official reminders (issue 17); official notices always come. */
  reminders: authedProcedure.query(({ ctx }) => ctx.tx((tx) => readReminders(tx, ctx.claims.userId))),

  setReminders: authedProcedure
    .input(z.object({ reminders: z.boolean() }))
    .mutation(({ ctx, input }) => ctx.tx((tx) => setReminders(tx, ctx.claims.tenantId, ctx.claims.userId, input.reminders, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
