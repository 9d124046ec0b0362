import { departmentProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { countTenant } from './count-tenant.ts';

export const orgsRouter = {
  counts: departmentProcedure.query(({ ctx }) => ctx.tx(countTenant)),
} satisfies TRPCRouterRecord;
