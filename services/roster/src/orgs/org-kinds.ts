import { orgKind } from '../schema.ts';

export type OrgKind = (typeof orgKind.enumValues)[number];
export const ORG_KINDS = orgKind.enumValues;

/**
 * Which kind of org may hang under which (brief, "Organizations"): the department under the
 * county committee; township and street committees under the department; flow
 * organizations are created by the sending township (or street), a flow branch may also
 * sit under a flow general branch.
 */
const CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  county: ['department'],
  department: ['township', 'street', 'branch', 'general_branch'],
  township: ['branch', 'general_branch', 'mobile_branch', 'flow_general', 'flow_branch'],
  street: ['branch', 'general_branch', 'mobile_branch', 'flow_general', 'flow_branch'],
  general_branch: ['branch', 'mobile_branch'],
  flow_general: ['flow_branch'],
  branch: [],
  mobile_branch: [],
  flow_branch: [],
};

export function mayHangUnder(parentKind: OrgKind, childKind: OrgKind): boolean {
  return CHILD_KINDS[parentKind].includes(childKind);
}

export function childKindProblem(parentKind: OrgKind, childKind: OrgKind): string | null {
  if (mayHangUnder(parentKind, childKind)) return null;
  const allowed = CHILD_KINDS[parentKind];
  return allowed.length === 0
    ? `a ${parentKind} takes no child organizations`
    : `a ${childKind} cannot sit under a ${parentKind} (allowed: ${allowed.join(', ')})`;
}

/** Flow organizations sit in a destination city: they need its province and city. */
export const FLOW_KINDS: readonly OrgKind[] = ['flow_general', 'flow_branch'];

/** Kinds another county may address (transfers go to departments, check-ins to flow orgs). */
export const DIRECTORY_KINDS = ['department', 'flow_general', 'flow_branch'] as const satisfies readonly OrgKind[];
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export function isDirectoryKind(kind: OrgKind): kind is DirectoryKind {
  return (DIRECTORY_KINDS as readonly OrgKind[]).includes(kind);
}
