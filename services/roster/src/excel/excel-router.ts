import type { TRPCRouterRecord } from '@trpc/server';

export const excelRouter = {} satisfies TRPCRouterRecord;
