import { sortOrgs } from '@tongxin/ledger';
import type { OrgNode } from './roster-api.ts';

export interface OrgBranch {
  org: OrgNode;
  children: OrgBranch[];
  /** Members in the org and everything below it (a committee holds none itself). */
  subtreeMembers: number;
}

/**
 * The flat `orgs.tree` answer as nested nodes. Roots are the orgs whose parent the caller
 * cannot see (a township secretary's township, a branch secretary's branch).
 */
export function buildOrgForest(orgs: readonly OrgNode[]): OrgBranch[] {
  // Siblings in `compareOrgs` order: kind, then pinyin.
  const byId = new Map(sortOrgs(orgs).map((org): [string, OrgBranch] => [org.id, { org, children: [], subtreeMembers: 0 }]));
  const roots: OrgBranch[] = [];
  for (const node of byId.values()) {
    const parent = node.org.parentId ? byId.get(node.org.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const count = (node: OrgBranch): number =>
    (node.subtreeMembers = node.org.memberCount + node.children.reduce((sum, child) => sum + count(child), 0));
  roots.forEach(count);
  return roots;
}

/** The ids of `orgId` and its ancestors, to open the tree down to the selected org. */
export function pathTo(orgs: readonly OrgNode[], orgId: string | undefined): Set<string> {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const ids = new Set<string>();
  for (let id = orgId; id && !ids.has(id); id = byId.get(id)?.parentId ?? undefined) ids.add(id);
  return ids;
}
