import { inSubtree, type Tx } from '@tongxin/db';
import { and, eq, gte, lte, ne, sql, type SQL } from 'drizzle-orm';
import { periodMonths, type Period } from '../periods/period.ts';
import { members, orgs, pointsLedger } from '../schema.ts';

/**
 * The points of the members a secretary holds (their subtree, by RLS) or of the county
 * (department), for a period, most first — a secretary sees their members (brief, burden
 * rules); nobody else's list. `orgPath` narrows it to one org's subtree (the org `withOptionalOrg` found).
 */
export async function listMemberPoints(tx: Tx, input: Period, orgPath?: string) {
  const months = periodMonths(input);
  const where: SQL[] = [ne(members.status, 'transferred_out')];
  if (orgPath) where.push(inSubtree(members.orgPath, orgPath));
  const points = sql<number>`coalesce(sum(${pointsLedger.points}), 0)::int`;
  const rows = await tx
    .select({
      memberId: members.memberId,
      name: members.name,
      branchId: members.branchId,
      branchName: orgs.name,
      status: members.status,
      points,
      entries: sql<number>`count(${pointsLedger.id})::int`,
    })
    .from(members)
    .leftJoin(orgs, and(eq(orgs.tenantId, members.tenantId), eq(orgs.orgId, members.branchId)))
    .leftJoin(
      pointsLedger,
      and(
        eq(pointsLedger.tenantId, members.tenantId),
        eq(pointsLedger.memberId, members.memberId),
        gte(pointsLedger.period, months.from),
        lte(pointsLedger.period, months.to),
      ),
    )
    .where(and(...where))
    .groupBy(members.memberId, members.name, members.branchId, orgs.name, members.status);
  return rows
    .map((r) => ({ ...r, points: Number(r.points), entries: Number(r.entries) }))
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN'));
}
