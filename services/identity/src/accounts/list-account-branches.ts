import type { Tx } from '@tongxin/db';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { managedPath } from '../roles/caller-scope.ts';
import { orgs, people } from '../schema.ts';
import { accountState } from './account-state.ts';

/**
 * Who has activated, by branch, in the caller's scope (the department: the county; a
 * secretary: their subtrees). Members transferred out are no longer the county's.
 */
export async function listAccountBranches(tx: Tx, tenantId: string, now: Date) {
  const state = accountState(now);
  const counted = (value: string) => sql<number>`(count(*) filter (where ${state} = ${value}))::int`;
  return tx
    .select({
      branchId: people.branchId,
      branchName: sql<string>`coalesce(${orgs.name}, '')`,
      orgPath: sql<string>`coalesce(${orgs.path}, min(${people.orgPath}))`,
      members: sql<number>`count(*)::int`,
      activated: counted('active'),
      pending: counted('pending'),
      withoutPhone: counted('no_phone'),
    })
    .from(people)
    .leftJoin(orgs, and(eq(orgs.tenantId, people.tenantId), eq(orgs.orgId, people.branchId)))
    .where(and(eq(people.tenantId, tenantId), ne(people.status, 'transferred_out'), managedPath(people.orgPath)))
    .groupBy(people.branchId, orgs.name, orgs.path)
    .orderBy(asc(sql`coalesce(${orgs.path}, min(${people.orgPath}))`));
}
