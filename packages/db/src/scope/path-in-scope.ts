import { sql, type SQL } from 'drizzle-orm';
import { currentOrgIds } from '../tenant-policy.ts';

/**
 * The org-subtree scope in SQL, for every policy and query: true when the materialized path
 * `path` passes through one of the caller's orgs: the transaction's `app.org_ids`, or
 * `orgIds` when a query names them (null: tenant-wide, always true, as `inOrgScope`).
 *
 * Why this form: the ids are a scalar subquery (an InitPlan, read once per statement) and
 * the test is a position match on the row's own path: no join to the org tree (which a
 * policy on `roster.orgs` cannot make) and no LIKE. It filters rows; what makes a list fast
 * is the leakproof text_pattern range on the path index (`inSubtree`), which PostgreSQL may
 * apply under RLS before this test (roster's member list of 10,000: index range scan, this
 * test as the filter). The array-overlap form roster had (`string_to_array(..) && ids`)
 * uses no index either and split every path per row.
 */
export function pathInScope(path: unknown, orgIds?: readonly string[] | null): SQL {
  if (orgIds === null) return sql`true`;
  // One array parameter: drizzle would spread a JS array into a list of parameters.
  const ids = orgIds ? sql`${`{${orgIds.join(',')}}`}::text[]` : currentOrgIds;
  return sql`exists (select 1 from unnest(${ids}) scope(id) where position('/' || scope.id || '/' in ${path}) > 0)`;
}
