import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { orgInScope, type ScopedOrg } from '../orgs/org-in-scope.ts';

export type OrgLookup = { found: 'unknown' } | { found: 'outside' } | ({ found: 'in_scope' } & ScopedOrg);

/**
 * An org named in a request: unknown in this tenant (a bad field), outside the caller's
 * subtrees (forbidden), or in scope. `orgIds` null = the department's whole tenant.
 * The tree is readable tenant-wide, so telling "unknown" from "outside" leaks nothing.
 */
export async function findScopedOrg(tx: Tx, orgId: string, orgIds: readonly string[] | null): Promise<OrgLookup> {
  if (orgIds) {
    const org = await orgInScope(tx, orgId, orgIds);
    if (org) return { found: 'in_scope', ...org };
  }
  const result = await tx.execute(sql`select path, kind from roster.orgs where id = ${orgId}`);
  const org = result.rows[0] as unknown as ScopedOrg | undefined;
  if (!org) return { found: 'unknown' };
  return orgIds ? { found: 'outside' } : { found: 'in_scope', ...org };
}
