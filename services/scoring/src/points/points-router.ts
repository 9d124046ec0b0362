
import { findCopiedOrg } from '@tongxin/copies';
import { actingProcedure, deciderOf, departmentProcedure, memberProcedure, staffProcedure, withOptionalOrg, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { count } from 'drizzle-orm';
import { z } from 'zod';
import { chinaYear } from '@tongxin/calendar';
import { withPeriod, ZMonth, ZPeriod } from '../periods/period.ts';
import { members, orgs } from '../schema.ts';
import { correctPoints } from './correct-points.ts';
import { listMemberEntries } from './list-member-entries.ts';
import { listMemberPoints } from './list-member-points.ts';
import { readMyPoints } from './read-my-points.ts';

export const ZMyPointsInput = z.object({ period: ZPeriod.optional() }).optional();
export const ZMemberPointsInput = withPeriod({ orgId: z.guid().optional() });
export const ZCorrectPointsInput = z.object({
  memberId: z.guid(),
  points: z
    .number()
    .int('whole points')
    .min(-100, 'at most 100 points either way')
    .max(100, 'at most 100 points either way')
    .refine((p) => p !== 0, 'a correction changes the points'),
  reason: z.string().trim().min(4, 'say why, in at least 4 characters').max(500),
  period: ZMonth.optional(),
  idempotencyKey: ZIdempotencyKey,
});

export const pointsRouter = {
  /** My points: balance, every entry, my place in my branch and my branch's among the township's. */
  mine: memberProcedure.input(ZMyPointsInput).query(({ ctx, input }) => {
    const period = input?.period ?? { year: chinaYear(ctx.deps.now()) };
    return readMyPoints(ctx.tx, ctx.deps.database, ctx.claims, period, !input?.period);
  }),

  /** The points of the members in my organizations for a period, most first. */
  members: staffProcedure
    .input(ZMemberPointsInput)
    .use(withOptionalOrg(findCopiedOrg(orgs)))
    .query(({ ctx, input }) => ctx.tx((tx) => listMemberPoints(tx, input, ctx.org?.path))),

  /** Every entry of one of my members. */
  entries: staffProcedure.input(z.object({ memberId: z.guid() })).query(({ ctx, input }) => ctx.tx((tx) => listMemberEntries(tx, input.memberId))),

  /** A compensating entry by a secretary of the member's organizations or the department. */
  correct: actingProcedure('secretary', 'department')
    .input(ZCorrectPointsInput)
    .mutation(({ ctx, input }) =>
      ctx.tx((tx) => correctPoints(tx, { ...deciderOf(ctx.caller), tenantId: ctx.caller.tenantId, name: ctx.claims.name ?? null }, input, ctx.deps.now())),
    ),

  /** How many members scoring knows of in the tenant (from roster's events). */
  memberCount: departmentProcedure.query(({ ctx }) =>
    ctx.tx(async (tx) => {
      const [row] = await tx.select({ n: count() }).from(members);
      return { members: row?.n ?? 0 };
    }),
  ),
} satisfies TRPCRouterRecord;
