import { roster } from '@tongxin/api-client';
import { sortOrgs } from '@tongxin/ledger';

export type TreeOrg = Awaited<ReturnType<typeof roster.orgs.tree.query>>[number];

/** Kinds that hold members and meet: the orgs a secretary schedules meetings for. */
export const BRANCH_KINDS = ['branch', 'mobile_branch', 'flow_branch', 'general_branch', 'flow_general'];
/** Flow organizations: the ones members from other places check in with. */
export const FLOW_KINDS = ['flow_branch', 'flow_general'];

/** The caller's open orgs (the department's whole county, a secretary's subtrees), in `compareOrgs` order. */
export const loadOrgs = async () => sortOrgs(await roster.orgs.tree.query({}));
