import { pathInScope, tenantWide, type Tx } from '@tongxin/db';
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
 * such org (or it is closed), FORBIDDEN 'Outside your scope' when it lies outside their subtree.
 * Orgs are readable county-wide, so saying which is no leak.
 */
export async function requireManagedOrg(tx: Tx, tenantId: string, orgId: string): Promise<ManagedOrg> {
  const [org] = await tx
    .select({ orgId: orgs.orgId, name: orgs.name, kind: orgs.kind, path: orgs.path, closedAt: orgs.closedAt, managed: managedPath(orgs.path) })
    .from(orgs)
    .where(and(eq(orgs.tenantId, tenantId), eq(orgs.orgId, orgId)));
  if (!org || org.closedAt) throw new DomainError('org_not_found', { message: 'No such organization' });
  if (!org.managed) throw outsideScope();
  return { orgId: org.orgId, name: org.name, kind: org.kind, path: org.path };
}
