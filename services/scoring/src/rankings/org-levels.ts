// How organizations are compared (brief, burden rules: "organizations are compared as
// organizations"): branches with branches, township committees with township committees,
// flow organizations with flow organizations — each within the org above them.

export const RANKING_LEVELS = ['branch', 'township', 'flow_org'] as const;
export type RankingLevel = (typeof RANKING_LEVELS)[number];

/**
 * The org kinds (roster's) ranked at each level. A general branch (党总支) is left out of the
 * branch level: its members are its branches' members, so it would count them twice.
 */
export const LEVEL_KINDS: Record<RankingLevel, readonly string[]> = {
  branch: ['branch', 'mobile_branch'],
  township: ['township', 'street'],
  flow_org: ['flow_general', 'flow_branch'],
};

/** How high an org kind sits: 0 the county, 1 townships, 2 general branches, 3 branches. */
const TIER: Record<string, number> = {
  county: 0, department: 0, township: 1, street: 1, general_branch: 2, flow_general: 2, branch: 3, mobile_branch: 3, flow_branch: 3,
};
// Flow organizations are compared at the branches' tier: within the township that set them up.
const LEVEL_TIER: Record<RankingLevel, number> = { township: 1, flow_org: 3, branch: 3 };

export interface OrgNode {
  orgId: string;
  kind: string;
  name: string;
  path: string;
}

/** The ids on an org path, root first. */
export const pathIds = (path: string) => path.split('/').filter(Boolean);

/** The ranking level an org belongs to, if any. */
export function levelOf(kind: string): RankingLevel | null {
  return RANKING_LEVELS.find((level) => LEVEL_KINDS[level].includes(kind)) ?? null;
}

/** True when `level` lies below an org of `kind` (a township holds branches, not townships). */
export function levelBelow(level: RankingLevel, kind: string): boolean {
  return LEVEL_TIER[level] > (TIER[kind] ?? 0);
}

/** True when an org of `kind` is itself compared at `level` (a branch among branches or flow orgs). */
export function levelOfTier(level: RankingLevel, kind: string): boolean {
  return LEVEL_TIER[level] === TIER[kind];
}

/**
 * The org within which `org` is compared with its peers: its nearest township or street
 * committee; else (a branch directly under the department, or a township itself) the
 * nearest department or county org above it; null when there is none (the whole tenant).
 */
export function comparisonParent(org: OrgNode, byId: ReadonlyMap<string, OrgNode>): OrgNode | null {
  const ancestors = pathIds(org.path).slice(0, -1).reverse().map((id) => byId.get(id)).filter((o): o is OrgNode => Boolean(o));
  const committee = TIER[org.kind] !== undefined && TIER[org.kind]! > 1 ? ancestors.find((o) => TIER[o.kind] === 1) : undefined;
  return committee ?? ancestors.find((o) => TIER[o.kind] === 0) ?? null;
}
