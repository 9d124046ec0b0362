import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

/** The org's path when it lies in the subtree of one of `scopeOrgIds`, else null. */
export async function orgPathInScope(tx: Tx, orgId: string, scopeOrgIds: readonly string[]): Promise<string | null> {
  const result = await tx.execute(sql`
    select target.path from roster.orgs target
    join roster.orgs scope on scope.tenant_id = target.tenant_id and target.path like scope.path || '%'
    where target.id = ${orgId} and scope.id = any(${`{${scopeOrgIds.join(',')}}`}::uuid[])
    limit 1`);
  return (result.rows[0] as { path: string } | undefined)?.path ?? null;
}
