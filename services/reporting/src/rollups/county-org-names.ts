import type { Tx } from '@tongxin/db';
import { and, eq, inArray } from 'drizzle-orm';
import { orgDirectory } from '../schema.ts';

/**
 * The names of a county's orgs by id, for the city's view (issue 15): from reporting's
 * directory of every county's orgs, which every tenant reads already (ids, names and paths, no
 * people), so a name tells the city nothing it could not read. Ids of another county are absent.
 */
export async function countyOrgNames(tx: Tx, countyId: string, orgIds: readonly string[]): Promise<Record<string, string>> {
  if (orgIds.length === 0) return {};
  const rows = await tx
    .select({ orgId: orgDirectory.orgId, name: orgDirectory.name })
    .from(orgDirectory)
    .where(and(eq(orgDirectory.tenantId, countyId), inArray(orgDirectory.orgId, [...orgIds])));
  return Object.fromEntries(rows.map((r) => [r.orgId, r.name]));
}
