import { hasRole, secretaryOrgIds } from '@tongxin/auth';
import { tenantTransaction, type Scope, type Tx } from '@tongxin/db';
import { authedProcedure } from '@tongxin/trpc';
import { TRPCError } from '@trpc/server';

/**
 * Secretaries and the department both manage the tree (issue 5), so neither base procedure
 * fits alone. `orgIds` is null for the department (the whole tenant), else the secretary's
 * orgs, whose subtrees RLS opens through app.org_ids.
 */
export const orgStaffProcedure = authedProcedure.use(({ ctx, next }) => {
  const { claims } = ctx;
  const tenantWide = hasRole(claims.roles, 'department');
  const orgIds = tenantWide ? null : secretaryOrgIds(claims.roles);
  if (orgIds?.length === 0) throw new TRPCError({ code: 'FORBIDDEN', message: 'This needs the secretary or department role' });
  const scope: Scope = tenantWide
    ? { tenantId: claims.tenantId, userId: claims.userId, tenantWide: true }
    : { tenantId: claims.tenantId, userId: claims.userId, orgIds: orgIds! };
  const tx = <T>(work: (tx: Tx) => Promise<T>) => tenantTransaction(ctx.deps.database, scope, work);
  return next({ ctx: { orgIds, tx } });
});
