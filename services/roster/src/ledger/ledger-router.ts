import type { TRPCRouterRecord } from '@trpc/server';

export const ledgerRouter = {} satisfies TRPCRouterRecord;
