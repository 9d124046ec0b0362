import type { OrgKind as SharedOrgKind } from '@tongxin/ledger';
import { orgKind } from '../schema.ts';

// The kinds and the parent → child map live in @tongxin/ledger (the secretary view offers
// only what this service accepts); this module keeps the service's names for them.
export { CHILD_KINDS, FLOW_KINDS, childKindProblem, mayHangUnder, takesChildren } from '@tongxin/ledger';

export type OrgKind = (typeof orgKind.enumValues)[number];
export const ORG_KINDS = orgKind.enumValues;

// The database enum and the shared list must name the same kinds (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsAgree: Same<OrgKind, SharedOrgKind> = true;
void kindsAgree;

/** Kinds another county may address (transfers go to departments, check-ins to flow orgs). */
export const DIRECTORY_KINDS = ['department', 'flow_general', 'flow_branch'] as const satisfies readonly OrgKind[];
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export function isDirectoryKind(kind: OrgKind): kind is DirectoryKind {
  return (DIRECTORY_KINDS as readonly OrgKind[]).includes(kind);
}
