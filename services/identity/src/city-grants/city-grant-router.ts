import { departmentProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { giveCityGrant, readCityGrant, revokeCityGrant } from './city-grant.ts';

/**
 * A county's grant to its city (issue 15): its department reads it, gives it and revokes it.
 * No input: the county is the caller's tenant and the city is the county's own.
 */
export const cityGrantRouter = {
  get: departmentProcedure.query(({ ctx }) => ctx.tx((tx) => readCityGrant(tx, ctx.claims.tenantId))),
  give: departmentProcedure.mutation(({ ctx }) => ctx.tx((tx) => giveCityGrant(tx, { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId }, ctx.deps.now()))),
  revoke: departmentProcedure.mutation(({ ctx }) => ctx.tx((tx) => revokeCityGrant(tx, { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId }, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
