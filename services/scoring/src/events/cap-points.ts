import type { Tx } from '@tongxin/db';
import { and, eq, sum } from 'drizzle-orm';
import { pointsLedger } from '../schema.ts';
import type { ScoredActivity } from './scored-activity.ts';

/**
 * The points an activity may still earn under its kind's monthly cap: the cap less what the
 * member already has of that kind in the activity's China month (a withdrawn claim's
 * compensation frees its share). Called under the member's lock.
 */
export async function capPoints(tx: Tx, activity: ScoredActivity, wanted: number, monthlyCap: number | null): Promise<{ points: number; capped: boolean }> {
  if (monthlyCap === null) return { points: wanted, capped: false };
  const [row] = await tx
    .select({ used: sum(pointsLedger.points) })
    .from(pointsLedger)
    .where(
      and(
        eq(pointsLedger.tenantId, activity.tenantId),
        eq(pointsLedger.memberId, activity.memberId),
        eq(pointsLedger.kind, activity.kind),
        eq(pointsLedger.period, activity.period),
      ),
    );
  const room = Math.max(0, monthlyCap - Number(row?.used ?? 0));
  const points = Math.min(wanted, room);
  return { points, capped: points < wanted };
}
