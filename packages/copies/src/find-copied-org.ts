import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import type { OrgCopyTable } from './tables.ts';

/**
 * The org lookup of a service that keeps a copy of roster's orgs (tasks, scoring), for the
 * base middleware `withOrg` of `@tongxin/trpc`: the org by id in the caller's county.
 */
export function findCopiedOrg(orgs: OrgCopyTable) {
  return async (tx: Tx, tenantId: string, orgId: string) => {
    const [org] = await tx.select().from(orgs).where(and(eq(orgs.tenantId, tenantId), eq(orgs.orgId, orgId)));
    return org;
  };
}
