import { errorReason, identity, reporting, roster, scoring, tasks } from '@tongxin/api-client';
import { childRows, countyRows, isCityTenant, mergeByService, type CityRow } from './city-rows.ts';

// The city's reads (issue 15): the same two procedures in each of the four services with
// rollups, side by side. Only rollups: no procedure here returns a person.

/** Every county that granted this city its figures, one row each, for `month`. */
export async function loadCounties(month: string): Promise<CityRow[]> {
  const [tenants, r, p, t, s] = await Promise.all([
    identity.auth.tenants.query(),
    roster.rollups.counties.query({ month }),
    reporting.rollups.counties.query({ month }),
    tasks.rollups.counties.query({ month }),
    scoring.rollups.counties.query({ month }),
  ]);
  const merged = mergeByService(
    { roster: r.counties, reporting: p.counties, tasks: t.counties, scoring: s.counties },
    (county) => county.countyId,
    (county) => county.figures,
  );
  return countyRows(merged, new Map(tenants.map((tenant) => [tenant.id, tenant.name])));
}

/**
 * One service's overview of an org, or no children when that service never had a figure for
 * the org (a township without tasks is unknown to tasks' rollups: `org_not_found` there is an
 * empty column, not an error). Any other refusal, a revoked grant's `county_not_found` first, stands.
 */
async function childrenIn<T extends { children: unknown[] }>(read: Promise<T>): Promise<T | { children: [] }> {
  try {
    return await read;
  } catch (error) {
    if (errorReason(error)?.code === 'org_not_found') return { children: [] };
    throw error;
  }
}

/** A county's (or one of its orgs') children with their figures: townships, then a township's branches. */
export async function loadChildren(countyId: string, month: string, orgId?: string): Promise<CityRow[]> {
  const input = { countyId, month, months: 12 as const, ...(orgId ? { orgId } : {}) };
  const [r, p, t, s] = await Promise.all([
    childrenIn(roster.rollups.countyOverview.query(input)),
    childrenIn(reporting.rollups.countyOverview.query(input)),
    childrenIn(tasks.rollups.countyOverview.query(input)),
    childrenIn(scoring.rollups.countyOverview.query(input)),
  ]);
  const merged = mergeByService(
    { roster: r.children, reporting: p.children, tasks: t.children, scoring: s.children },
    (child) => child.org.id,
    (child) => child.figures,
  );
  // Reporting names them (its directory of every county's orgs); an org may have figures in one service only.
  const names = await reporting.rollups.countyOrgNames.query({ countyId, orgIds: [...merged.keys()] });
  return childRows(merged, names);
}

/** The county department's side: whether its city holds the grant, and giving or revoking it. */
export const cityGrant = {
  get: () => identity.cityGrant.get.query(),
  give: () => identity.cityGrant.give.mutate(),
  revoke: () => identity.cityGrant.revoke.mutate(),
};
export type CityGrantState = Awaited<ReturnType<typeof cityGrant.get>>;

/** Whether the caller is a city's department: the department remote then shows the city's page instead of a county's. */
export async function callerIsCity(): Promise<boolean> {
  return isCityTenant((await identity.auth.me.query()).tenantId);
}
