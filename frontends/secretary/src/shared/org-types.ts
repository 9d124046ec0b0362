import type { roster } from '@tongxin/api-client';
import { sortOrgs } from '@tongxin/ledger';

/** One organization as `orgs.tree` returns it. */
export type TreeOrg = Awaited<ReturnType<typeof roster.orgs.tree.query>>[number];
export type OrgKind = TreeOrg['kind'];

// The kinds, which kind may hang under which, and the flow kinds (which need a province and
// city): one map, shared with the roster service that enforces it.
export { CHILD_KINDS, FLOW_KINDS, ORG_KINDS, mayHangUnder, takesChildren } from '@tongxin/ledger';

export interface OrgNode {
  org: TreeOrg;
  children: OrgNode[];
  depth: number;
}

/**
 * Nests the flat list, siblings in `compareOrgs` order (kind, then pinyin); an org whose
 * parent was not sent (a secretary's subtree root) is a root. The sorted list has parents
 * before children, so each parent's depth is known when its children come.
 */
export function buildTree(orgs: readonly TreeOrg[]): OrgNode[] {
  const byId = new Map<string, OrgNode>();
  const roots: OrgNode[] = [];
  for (const org of sortOrgs(orgs)) {
    const parent = org.parentId ? byId.get(org.parentId) : undefined;
    const node: OrgNode = { org, children: [], depth: parent ? parent.depth + 1 : 0 };
    byId.set(org.id, node);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Members in the org and everything below it (committees hold none directly), by org id. */
export function subtreeMembers(orgs: readonly TreeOrg[]): Map<string, number> {
  const totals = new Map<string, number>();
  const count = (node: OrgNode): number => {
    const total = node.org.memberCount + node.children.reduce((sum, child) => sum + count(child), 0);
    totals.set(node.org.id, total);
    return total;
  };
  buildTree(orgs).forEach(count);
  return totals;
}

/** The tree as a flat list in display order with depths: for a <select> of orgs. */
export function flatten(nodes: readonly OrgNode[]): OrgNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}
