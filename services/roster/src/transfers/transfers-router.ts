import type { TRPCRouterRecord } from '@trpc/server';

export const transfersRouter = {} satisfies TRPCRouterRecord;
