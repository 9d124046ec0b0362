import type { RollupAnswer } from '@tongxin/rollups';
import type { Tx } from '@tongxin/db';
import { and, eq, inArray } from 'drizzle-orm';
import { orgDirectory } from '../schema.ts';

/**
 * The names of the org a county overview is about and of its children, for the city's view
 * (issue 15): from reporting's directory of every county's orgs, which every tenant reads
 * already (ids, names and paths, no people), so a name tells the city nothing it could not read.
 */
export async function countyOrgNames(tx: Tx, countyId: string, answer: RollupAnswer): Promise<Record<string, string>> {
  const ids = [answer.org?.id, ...answer.children.map((c) => c.org.id)].filter((id): id is string => Boolean(id));
  if (ids.length === 0) return {};
  const rows = await tx
    .select({ orgId: orgDirectory.orgId, name: orgDirectory.name })
    .from(orgDirectory)
    .where(and(eq(orgDirectory.tenantId, countyId), inArray(orgDirectory.orgId, ids)));
  return Object.fromEntries(rows.map((r) => [r.orgId, r.name]));
}
