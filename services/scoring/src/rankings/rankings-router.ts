import { actingProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { periodMonths, withPeriod } from '../periods/period.ts';
import { RANKING_LEVELS } from './org-levels.ts';
import { aggregateReads } from './aggregate-reads.ts';
import { comparableLevels } from './comparable-levels.ts';
import { rankOrgs } from './rank-orgs.ts';
import { resolveRankingParent } from './resolve-ranking-parent.ts';

export const ZRankOrgsInput = withPeriod({ level: z.enum(RANKING_LEVELS), parentId: z.guid().optional() });

/** Organizations compared as organizations (brief, burden rules): no individual leaderboards. */
export const rankingsRouter = {
  orgs: actingProcedure('member', 'secretary', 'department')
    .input(ZRankOrgsInput)
    .query(async ({ ctx, input }) => {
      const parent = await ctx.tx((tx) => resolveRankingParent(tx, ctx.caller, input.level, input.parentId));
      return aggregateReads(ctx.deps.database, ctx.caller.tenantId, (tx) =>
        rankOrgs(tx, ctx.caller.tenantId, { level: input.level, parentPath: parent?.path ?? null, ...periodMonths(input) }),
      );
    }),

  /** The levels the caller may compare (within `parentId` for the levels below it): what the view offers. */
  levels: actingProcedure('member', 'secretary', 'department')
    .input(z.object({ parentId: z.guid().optional() }))
    .query(async ({ ctx, input }) => ({ levels: await ctx.tx((tx) => comparableLevels(tx, ctx.caller, input.parentId)) })),
} satisfies TRPCRouterRecord;
