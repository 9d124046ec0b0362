import { departmentProcedure, memberProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { count, desc, eq, sum } from 'drizzle-orm';
import { pointsLedger, scoredMembers } from '../schema.ts';

export const pointsRouter = {
  /** My points: the total and the latest entries (a member sees only their own). */
  mine: memberProcedure.query(({ ctx }) =>
    ctx.tx(async (tx) => {
      const mine = eq(pointsLedger.userId, ctx.claims.userId);
      const [total] = await tx.select({ total: sum(pointsLedger.points) }).from(pointsLedger).where(mine);
      const entries = await tx
        .select({ points: pointsLedger.points, reason: pointsLedger.reason, at: pointsLedger.at })
        .from(pointsLedger)
        .where(mine)
        .orderBy(desc(pointsLedger.at))
        .limit(20);
      return { total: Number(total?.total ?? 0), entries };
    }),
  ),

  /** How many members scoring knows of in the tenant (fed by roster's events). */
  memberCount: departmentProcedure.query(({ ctx }) =>
    ctx.tx(async (tx) => {
      const [row] = await tx.select({ n: count() }).from(scoredMembers);
      return { members: row?.n ?? 0 };
    }),
  ),
} satisfies TRPCRouterRecord;
