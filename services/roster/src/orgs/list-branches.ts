import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { BRANCH_KINDS } from './branch-kinds.ts';

export interface BranchTarget {
  id: string;
  name: string;
  kind: string;
  /** The township or street the branch belongs to, to tell same-named villages apart. */
  parent: string | null;
}

/**
 * Every open branch of the county, for choosing where a member transfers to: a branch
 * secretary's own subtree is one branch, but the transfer goes elsewhere. Names only;
 * the tree is readable county-wide.
 */
export async function listBranches(tx: Tx): Promise<BranchTarget[]> {
  const kinds = sql.join(BRANCH_KINDS.map((k) => sql`${k}`), sql`, `);
  const result = await tx.execute(sql`
    select b.id, b.name, b.kind, p.name as parent from roster.orgs b
    left join roster.orgs p on p.tenant_id = b.tenant_id and p.id = b.parent_id
    where b.kind in (${kinds}) and b.closed_at is null
    order by p.name nulls first, b.name`);
  return result.rows as unknown as BranchTarget[];
}
