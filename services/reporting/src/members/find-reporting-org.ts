import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { orgDirectory } from '../schema.ts';

/**
 * Reporting's org lookup for `withOrg` / `withOptionalOrg` of `@tongxin/trpc`: the org by id in
 * the caller's county, from reporting's directory of every county's orgs (kept from roster's
 * `org_saved` and `org_moved`, closed ones included). The directory is readable across
 * counties (check-ins name a destination in another), so the county is named here.
 */
export async function findReportingOrg(tx: Tx, tenantId: string, orgId: string) {
  const [org] = await tx
    .select({ orgId: orgDirectory.orgId, name: orgDirectory.name, path: orgDirectory.path, closedAt: orgDirectory.closedAt })
    .from(orgDirectory)
    .where(and(eq(orgDirectory.tenantId, tenantId), eq(orgDirectory.orgId, orgId)));
  return org;
}
