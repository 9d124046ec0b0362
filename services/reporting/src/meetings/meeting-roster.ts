import { inSubtree, type Tx } from '@tongxin/db';
import { and, asc, inArray, ne, type SQL } from 'drizzle-orm';
import { members } from '../schema.ts';

/**
 * Members expected at a meeting of the org at `orgPath`: reporting's copy of roster's members
 * in that subtree, except those transferred out (their record stays in roster, kept).
 */
export function inOrg(orgPath: string): SQL {
  return and(inSubtree(members.orgPath, orgPath), ne(members.status, 'transferred_out'))!;
}

export async function orgMembers(tx: Tx, orgPath: string, memberIds?: readonly string[]) {
  const where = memberIds ? and(inOrg(orgPath), inArray(members.memberId, [...memberIds])) : inOrg(orgPath);
  return tx
    .select({ memberId: members.memberId, userId: members.userId, name: members.name, branchId: members.branchId })
    .from(members)
    .where(where)
    .orderBy(asc(members.name));
}
