import type { TRPCRouterRecord } from '@trpc/server';

export const mobilityRouter = {} satisfies TRPCRouterRecord;
