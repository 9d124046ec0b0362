/**
 * The kinds of organization and which kind may hang under which (brief, "Organizations"):
 * the department under the county committee; township and street committees under the
 * department; flow organizations are created by the sending township (or street), a flow
 * branch may also sit under a flow general branch. Shared by the roster service (which
 * enforces it) and the secretary view (which offers only what the service accepts).
 */
export const ORG_KINDS = [
  'county', 'department', 'township', 'street', 'branch', 'general_branch', 'mobile_branch', 'flow_general', 'flow_branch',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const CHILD_KINDS: Readonly<Record<OrgKind, readonly OrgKind[]>> = {
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

/** Whether an org of this kind may have child organizations at all. */
export function takesChildren(kind: OrgKind): boolean {
  return CHILD_KINDS[kind].length > 0;
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
