import type { OrgKind } from '@tongxin/ledger';

/** Kinds of org a member can belong to (their branch). */
export const BRANCH_KINDS: readonly OrgKind[] = ['branch', 'mobile_branch', 'flow_branch'];
