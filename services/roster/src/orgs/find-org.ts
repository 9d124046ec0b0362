import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { orgs } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

export type OrgRow = typeof orgs.$inferSelect;

/**
 * Null scope means the whole tenant (the department). A secretary's scope is the subtrees
 * of their orgs: the same test as the org_update policy, read off the path, which holds
 * every ancestor's id.
 */
export type OrgScope = readonly string[] | null;

export function inScope(path: string, scope: OrgScope): boolean {
  return scope === null || scope.some((id) => path.includes(`/${id}/`));
}

/** The tenant's org (everyone in the tenant reads the tree) and whether the caller manages it. */
export async function findOrg(tx: Tx, tenantId: string, orgId: string, scope: OrgScope) {
  const [org] = await tx.select().from(orgs).where(and(eq(orgs.tenantId, tenantId), eq(orgs.id, orgId)));
  return org ? { org, managed: inScope(org.path, scope) } : null;
}

/** The org the caller manages: NOT_FOUND when it does not exist, FORBIDDEN outside their subtree. */
export async function findManagedOrg(tx: Tx, tenantId: string, orgId: string, scope: OrgScope): Promise<OrgRow> {
  const found = await findOrg(tx, tenantId, orgId, scope);
  if (!found) throw new DomainError('org_not_found', { message: 'No such organization' });
  if (!found.managed) throw new DomainError('outside_scope', { message: 'That organization is outside your subtree' });
  return found.org;
}
