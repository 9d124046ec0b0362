import { inSubtree, type Tx } from '@tongxin/db';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { evaluations, members, orgs } from '../schema.ts';

/** `members.org_path` within the subtree at `path` (a text_pattern range the path index serves). */
export const memberInSubtree = (path: string) => inSubtree(members.orgPath, path);

/** The year's proposals and decisions for the members the caller holds, optionally under one org. */
export async function listEvaluations(tx: Tx, year: number, orgPath?: string, memberId?: string) {
  const where: SQL[] = [eq(evaluations.year, year)];
  if (orgPath) where.push(memberInSubtree(orgPath));
  if (memberId) where.push(eq(evaluations.memberId, memberId));
  const rows = await tx
    .select({ e: evaluations, name: members.name, branchId: members.branchId, branchName: orgs.name, status: members.status })
    .from(evaluations)
    .innerJoin(members, and(eq(members.tenantId, evaluations.tenantId), eq(members.memberId, evaluations.memberId)))
    .leftJoin(orgs, and(eq(orgs.tenantId, members.tenantId), eq(orgs.orgId, members.branchId)))
    .where(and(...where))
    .orderBy(asc(orgs.name), asc(members.name));
  return rows.map(({ e, ...member }) => ({
    memberId: e.memberId,
    ...member,
    year: e.year,
    proposedGrade: e.proposedGrade,
    basis: e.basis,
    proposedAt: e.proposedAt,
    /** The branch's decision; null until confirmed. */
    finalGrade: e.finalGrade,
    /** The grade that stands: the decision, else the proposal. */
    grade: e.finalGrade ?? e.proposedGrade,
    confirmed: e.finalGrade !== null,
    // Without a proposal the branch's grade overrides nothing: it is the decision (issue 17).
    overridden: e.finalGrade !== null && e.proposedGrade !== null && e.finalGrade !== e.proposedGrade,
    reason: e.reason,
    confirmedBy: e.confirmedByName ?? e.confirmedBy,
    confirmedAt: e.confirmedAt,
  }));
}
export type EvaluationView = Awaited<ReturnType<typeof listEvaluations>>[number];
