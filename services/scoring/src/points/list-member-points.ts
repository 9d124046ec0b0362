import { inSubtree, type Tx } from '@tongxin/db';
import { and, eq, gte, lte, ne, sql, type SQL } from 'drizzle-orm';
import { periodMonths, type Period } from '../periods/period.ts';
import { members, orgs, pointsLedger } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

/**
 * The points of the members a secretary holds (their subtree, by RLS) or of the county
 * (department), for a period, most first — a secretary sees their members (brief, burden
 * rules); nobody else's list.
 */
export async function listMemberPoints(tx: Tx, input: Period & { orgId?: string | undefined }) {
  const months = periodMonths(input);
  const where: SQL[] = [ne(members.status, 'transferred_out')];
  if (input.orgId) {
    const [org] = await tx.select({ path: orgs.path }).from(orgs).where(eq(orgs.orgId, input.orgId));
    if (!org) throw new DomainError('org_not_found', { message: 'No such organization in your county' });
    where.push(inSubtree(members.orgPath, org.path));
  }
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
