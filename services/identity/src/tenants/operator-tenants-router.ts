import { operatorProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { createTenant, listTenantsForOperator, renameTenant, setSuspended } from './manage-tenants.ts';

const ZTenantId = z.string().trim().regex(/^\d{6}$/, 'a division code has 6 digits');
const ZTenantName = z.string().trim().min(2, 'enter the name').max(40);

export const ZCreateTenantInput = z.object({
  kind: z.enum(['city', 'county']),
  id: ZTenantId,
  name: ZTenantName,
  cityId: ZTenantId.optional(),
});

/** The platform operator's registry of cities and counties. */
export const operatorTenantsRouter = {
  list: operatorProcedure.query(({ ctx }) => ctx.tx((tx) => listTenantsForOperator(tx))),
  create: operatorProcedure.input(ZCreateTenantInput).mutation(({ ctx, input }) => ctx.tx((tx) => createTenant(tx, ctx.claims.userId, input, ctx.deps.now()))),
  rename: operatorProcedure
    .input(z.object({ id: ZTenantId, name: ZTenantName }))
    .mutation(({ ctx, input }) => ctx.tx((tx) => renameTenant(tx, ctx.claims.userId, input, ctx.deps.now()))),
  suspend: operatorProcedure.input(z.object({ id: ZTenantId })).mutation(({ ctx, input }) => ctx.tx((tx) => setSuspended(tx, ctx.claims.userId, input.id, true, ctx.deps.now()))),
  resume: operatorProcedure.input(z.object({ id: ZTenantId })).mutation(({ ctx, input }) => ctx.tx((tx) => setSuspended(tx, ctx.claims.userId, input.id, false, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
