import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { orgDirectory } from '../schema.ts';

/** Reporting's lookup of an org of the caller's county (its directory of every county's orgs), for `withOrg`. */
export async function findReportingOrg(tx: Tx, tenantId: string, orgId: string) {
  const [org] = await tx.select().from(orgDirectory).where(and(eq(orgDirectory.tenantId, tenantId), eq(orgDirectory.orgId, orgId)));
  return org;
}
