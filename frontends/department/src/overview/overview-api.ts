import { reporting, roster, scoring, tasks } from '@tongxin/api-client';
import { sortOrgs } from '@tongxin/ledger';
export { FLOW_KINDS } from '@tongxin/ledger';
import { mergeAnswers, type Overview } from './figures.ts';

/** What every figures page asks the services for. */
export interface OverviewQuery {
  month: string;
  orgId?: string;
  months: 12 | 24;
}

/** The four services' rollups for one org (or the county) and month, merged: each answers from its own rollups. */
export async function loadOverview(query: OverviewQuery): Promise<Overview> {
  const input = { month: query.month, months: query.months, ...(query.orgId ? { orgId: query.orgId } : {}) };
  const answers = await Promise.all([
    roster.rollups.overview.query(input),
    reporting.rollups.overview.query(input),
    tasks.rollups.overview.query(input),
    scoring.rollups.overview.query(input),
  ]);
  return mergeAnswers(query.month, answers);
}

/** One organization as `orgs.tree` returns it (names, kinds and places for the figures' org ids). */
export type TreeOrg = Awaited<ReturnType<typeof roster.orgs.tree.query>>[number];

/** The county's open orgs in the tree's order (kind, then pinyin). */
export async function loadTree(): Promise<TreeOrg[]> {
  return sortOrgs(await roster.orgs.tree.query({}));
}

/** Orgs with members directly under them: their figures link to the members in the secretary view's roster. */
export const BRANCH_KINDS: readonly string[] = ['branch', 'mobile_branch'];
