import { memberProcedure, secretaryProcedure } from '@tongxin/trpc';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { publishedTasks } from '../schema.ts';
import { publishTask } from './publish-task.ts';

export const ZPublishTaskInput = z.object({
  orgId: z.uuid(),
  title: z.string().trim().min(2).max(80),
  description: z.string().trim().min(1).max(2000),
  points: z.number().int().min(1).max(100),
  idempotencyKey: z.string().min(8).max(80),
});

export const tasksRouter = {
  publish: secretaryProcedure.input(ZPublishTaskInput).mutation(({ ctx, input }) => {
    // Tasks does not hold the org tree: a secretary publishes for an org they hold.
    if (!ctx.orgIds.includes(input.orgId)) throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a secretary of that organization' });
    return ctx.tx((tx) => publishTask(tx, ctx.claims.tenantId, ctx.claims.userId, input));
  }),

  list: memberProcedure.input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 })).query(({ ctx, input }) =>
    ctx.tx((tx) =>
      tx
        .select({ id: publishedTasks.id, title: publishedTasks.title, description: publishedTasks.description, points: publishedTasks.points, publishedAt: publishedTasks.publishedAt })
        .from(publishedTasks)
        .orderBy(desc(publishedTasks.publishedAt))
        .limit(input.limit),
    ),
  ),
} satisfies TRPCRouterRecord;
