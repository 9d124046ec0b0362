import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

export interface ScopedOrg {
  path: string;
  kind: 'department' | 'township' | 'branch' | 'mobile_branch' | 'flow_general' | 'flow_branch';
}

/** Kinds of org a member can belong to (their branch). */
export const BRANCH_KINDS: readonly ScopedOrg['kind'][] = ['branch', 'mobile_branch', 'flow_branch'];

/** The org when it lies in the subtree of one of `scopeOrgIds`, else null. */
export async function orgInScope(tx: Tx, orgId: string, scopeOrgIds: readonly string[]): Promise<ScopedOrg | null> {
  const result = await tx.execute(sql`
    select target.path, target.kind from roster.orgs target
    join roster.orgs scope on scope.tenant_id = target.tenant_id and target.path like scope.path || '%'
    where target.id = ${orgId} and scope.id = any(${`{${scopeOrgIds.join(',')}}`}::uuid[])
    limit 1`);
  return (result.rows[0] as unknown as ScopedOrg | undefined) ?? null;
}
