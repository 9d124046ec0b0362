import { staffProcedure, withOptionalOrg, withOrg } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { findRosterOrg } from '../orgs/find-org.ts';
import { listFlowRoster } from './list-flow-roster.ts';
import { granteeCondition, listGrantedMembers } from './list-granted-members.ts';

export const grantsRouter = {
  /** The destination's secretary or department: members checked in with its orgs, granted fields only. */
  members: staffProcedure
    .input(z.object({ orgId: z.uuid().optional() }).optional())
    .use(withOptionalOrg(findRosterOrg))
    .query(({ ctx }) => ctx.tx((tx) => listGrantedMembers(tx, granteeCondition(ctx.claims.tenantId, ctx.orgIds, ctx.org?.path ?? null)))),

  /** A flow organization's one list: its own members and those checked in with it from anywhere. */
  flowRoster: staffProcedure
    .input(z.object({ orgId: z.uuid() }))
    .use(withOrg(findRosterOrg))
    .query(({ ctx }) => ctx.tx((tx) => listFlowRoster(tx, ctx.claims.tenantId, ctx.org.path))),
} satisfies TRPCRouterRecord;
