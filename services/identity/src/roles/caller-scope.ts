import { pathInScope, tenantWide, type Tx } from '@tongxin/db';
import { orgNotFound } from '@tongxin/trpc';
import { and, eq, sql } from 'drizzle-orm';
import { orgs } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

/**
 * "The caller manages what sits at this org path": the department anywhere in its county, a
 * secretary in the subtrees of the orgs they hold. The row policies' own predicate
 * (`pathInScope` reads the transaction's `app.org_ids`), without their member clause: a
 * secretary who is also a member can read their own `people` row, but does not manage it.
 */
export const managedPath = (path: unknown) => sql<boolean>`(${tenantWide} or ${pathInScope(path)})`;

export const outsideScope = () => new DomainError('outside_scope', { message: 'Outside your scope' });

export interface ManagedOrg {
  orgId: string;
  name: string;
  kind: string;
  path: string;
}

/**
 * An open org of the caller's county that the caller manages: NOT_FOUND when the county has no
 * such org, it is closed, or it lies outside their subtree (one answer for all, as `withOrg`).
 */
export async function requireManagedOrg(tx: Tx, tenantId: string, orgId: string): Promise<ManagedOrg> {
  const [org] = await tx
    .select({ orgId: orgs.orgId, name: orgs.name, kind: orgs.kind, path: orgs.path, closedAt: orgs.closedAt, managed: managedPath(orgs.path) })
    .from(orgs)
    .where(and(eq(orgs.tenantId, tenantId), eq(orgs.orgId, orgId)));
  if (!org || org.closedAt || !org.managed) throw orgNotFound();
  return { orgId: org.orgId, name: org.name, kind: org.kind, path: org.path };
}
