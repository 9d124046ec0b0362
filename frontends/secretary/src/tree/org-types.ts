import type { roster } from '@tongxin/api-client';

/** One organization as `orgs.tree` returns it (path order: parents before children). */
export type TreeOrg = Awaited<ReturnType<typeof roster.orgs.tree.query>>[number];
export type OrgKind = TreeOrg['kind'];

export const ORG_KINDS: readonly OrgKind[] = [
  'county', 'department', 'township', 'street', 'branch', 'general_branch', 'mobile_branch', 'flow_general', 'flow_branch',
];
/** Flow organizations sit in a destination city: the server requires province and city. */
export const FLOW_KINDS: readonly OrgKind[] = ['flow_general', 'flow_branch'];

export interface OrgNode {
  org: TreeOrg;
  children: OrgNode[];
  depth: number;
}

/** Nests the flat list; an org whose parent was not sent (a secretary's subtree root) is a root. */
export function buildTree(orgs: readonly TreeOrg[]): OrgNode[] {
  const byId = new Map<string, OrgNode>();
  const roots: OrgNode[] = [];
  for (const org of orgs) {
    const parent = org.parentId ? byId.get(org.parentId) : undefined;
    const node: OrgNode = { org, children: [], depth: parent ? parent.depth + 1 : 0 };
    byId.set(org.id, node);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The tree as a flat list in display order with depths: for a <select> of orgs. */
export function flatten(nodes: readonly OrgNode[]): OrgNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}
