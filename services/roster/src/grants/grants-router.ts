import type { Tx } from '@tongxin/db';
import { staffProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { findScopedOrg } from '../members/find-scoped-org.ts';
import { listFlowRoster } from './list-flow-roster.ts';
import { granteeCondition, listGrantedMembers } from './list-granted-members.ts';
import { DomainError } from '@tongxin/errors';

/** The org's path when the caller may see its subtree: unknown → NOT_FOUND, outside → FORBIDDEN. */
async function scopedPath(tx: Tx, orgId: string, orgIds: string[] | null): Promise<string> {
  const org = await findScopedOrg(tx, orgId, orgIds);
  if (org.found === 'unknown') throw new DomainError('org_not_found', { message: 'No such organization in your county' });
  if (org.found === 'outside') throw new DomainError('outside_scope', { message: 'That organization is outside your subtree' });
  return org.path;
}

export const grantsRouter = {
  /** The destination's secretary or department: members checked in with its orgs, granted fields only. */
  members: staffProcedure.input(z.object({ orgId: z.uuid().optional() }).optional()).query(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const path = input?.orgId ? await scopedPath(tx, input.orgId, ctx.orgIds) : null;
      return listGrantedMembers(tx, granteeCondition(ctx.claims.tenantId, ctx.orgIds, path));
    }),
  ),

  /** A flow organization's one list: its own members and those checked in with it from anywhere. */
  flowRoster: staffProcedure.input(z.object({ orgId: z.uuid() })).query(({ ctx, input }) =>
    ctx.tx(async (tx) => listFlowRoster(tx, ctx.claims.tenantId, await scopedPath(tx, input.orgId, ctx.orgIds))),
  ),
} satisfies TRPCRouterRecord;
