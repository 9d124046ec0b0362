import { inSubtree, type Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import type { OrgScope } from './find-org.ts';
import type { OrgKind } from './org-kinds.ts';

export interface TreeOrg {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  /** Materialized path: reporting's meetings and check-ins scope by it. */
  path: string;
  place: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  closedAt: string | null;
  /** Members whose branch is this org, not counting those transferred out. */
  memberCount: number;
  /** The caller may rename, close, add children to or move this org. */
  canManage: boolean;
}

/**
 * The part of the tree the caller manages, in path order (parents before children): the
 * department's whole tenant, a secretary's subtrees. A secretary's subtree roots keep their
 * parentId; the client treats a parent it was not sent as a root.
 */
export async function listOrgTree(tx: Tx, tenantId: string, scope: OrgScope, options: { includeClosed: boolean }): Promise<TreeOrg[]> {
  let under = sql``;
  if (scope !== null) {
    // The scope orgs' own paths first, so each subtree is one prefix match on orgs_path.
    const roots = await tx.execute(sql`select path from roster.orgs
      where tenant_id = ${tenantId} and id = any(${`{${scope.join(',')}}`}::uuid[])`);
    const paths = roots.rows.map((r) => String(r.path));
    if (paths.length === 0) return [];
    under = sql`and (${sql.join(paths.map((p) => inSubtree(sql`o.path`, p)), sql` or `)})`;
  }
  const open = options.includeClosed ? sql`` : sql`and o.closed_at is null`;
  const result = await tx.execute(sql`
    select o.id, o.parent_id as "parentId", o.kind, o.name, o.path, o.place, o.province, o.city, o.address,
           o.closed_at as "closedAt",
           (select count(*) from roster.members m
             where m.tenant_id = o.tenant_id and m.branch_id = o.id and m.status <> 'transferred_out')::int as "memberCount"
    from roster.orgs o
    where o.tenant_id = ${tenantId} ${under} ${open}
    order by o.path`);
  return result.rows.map((row) => {
    const closedAt = row.closedAt == null ? null : new Date(row.closedAt as string | Date).toISOString();
    return { ...(row as unknown as TreeOrg), memberCount: Number(row.memberCount), closedAt, canManage: closedAt === null };
  });
}
