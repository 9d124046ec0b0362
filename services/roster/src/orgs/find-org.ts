import { inOrgScope, type Tx } from '@tongxin/db';
import { orgNotFound } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { orgs } from '../schema.ts';

export type OrgRow = typeof orgs.$inferSelect;

/**
 * Null scope means the whole tenant (the department). A secretary's scope is the subtrees
 * of their orgs (`inOrgScope`, the same test as the org_update policy).
 */
export type OrgScope = readonly string[] | null;

/** The tenant's org by id (everyone in the tenant reads the tree): roster's lookup for `withOrg`. */
export async function findRosterOrg(tx: Tx, tenantId: string, orgId: string): Promise<OrgRow | undefined> {
  const [org] = await tx.select().from(orgs).where(and(eq(orgs.tenantId, tenantId), eq(orgs.id, orgId)));
  return org;
}

/** The tenant's org and whether the caller manages it. */
export async function findOrg(tx: Tx, tenantId: string, orgId: string, scope: OrgScope) {
  const org = await findRosterOrg(tx, tenantId, orgId);
  return org ? { org, managed: inOrgScope(org.path, scope) } : null;
}

/** The org the caller manages: NOT_FOUND when it does not exist or lies outside their subtree. */
export async function findManagedOrg(tx: Tx, tenantId: string, orgId: string, scope: OrgScope): Promise<OrgRow> {
  const found = await findOrg(tx, tenantId, orgId, scope);
  if (!found?.managed) throw orgNotFound();
  return found.org;
}
