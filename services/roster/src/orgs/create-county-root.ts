import type { Tx } from '@tongxin/db';
import { and, eq, isNull } from 'drizzle-orm';
import { countyState, orgs } from '../schema.ts';
import { announceOrg } from './announce-org.ts';
import { lockTree, recordOrgChange, type Actor } from './org-change-log.ts';
import type { OrgKind } from './org-kinds.ts';
import { syncDirectory } from './sync-directory.ts';

/**
 * A new county's first two orgs (issue 12): the county committee at the root (宜章县委) and
 * its organization department under it (宜章县委组织部), which the county's administrator
 * then builds the tree under, as the demo counties have townships under the department. The
 * department enters the directory at once (other counties address transfers to it); the
 * county starts not live. A county that already has a root is left as it is.
 */
export async function createCountyRoot(tx: Tx, tenantId: string, countyName: string, actor: Actor): Promise<{ countyId: string; departmentId: string } | null> {
  await lockTree(tx, tenantId);
  const [root] = await tx.select({ id: orgs.id }).from(orgs).where(and(eq(orgs.tenantId, tenantId), isNull(orgs.parentId))).limit(1);
  await tx.insert(countyState).values({ tenantId, liveAt: null, createdAt: actor.now }).onConflictDoNothing();
  if (root) return null;

  const add = async (parent: { id: string; path: string } | null, kind: OrgKind, name: string, place: string | null) => {
    const id = crypto.randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    const values = { parentId: parent?.id ?? null, kind, name, place, province: null, city: null, address: null };
    await tx.insert(orgs).values({ tenantId, id, ...values, path, createdAt: actor.now });
    await recordOrgChange(tx, tenantId, { orgId: id, action: 'created', before: null, after: values, idempotencyKey: `county-root:${kind}` }, actor);
    const saved = { id, ...values, path, closedAt: null };
    await syncDirectory(tx, tenantId, saved);
    await announceOrg(tx, tenantId, saved);
    return { id, path };
  };
  const county = await add(null, 'county', `${countyName}委`, countyName);
  const department = await add(county, 'department', `${countyName}委组织部`, null);
  return { countyId: county.id, departmentId: department.id };
}
