import type { Tx } from '@tongxin/db';
import { and, eq, isNull } from 'drizzle-orm';
import { orgs } from '../schema.ts';
import { findOrg, type OrgScope } from './find-org.ts';
import { lockTree, priorChange, recordOrgChange, type Actor } from './org-change-log.ts';
import { childKindProblem, FLOW_KINDS, type OrgKind } from './org-kinds.ts';
import { announceOrg } from './announce-org.ts';
import { syncDirectory } from './sync-directory.ts';
import { badField } from '@tongxin/errors';

export interface NewOrg {
  parentId: string;
  kind: OrgKind;
  name: string;
  place?: string | undefined;
  province?: string | undefined;
  city?: string | undefined;
  address?: string | undefined;
  idempotencyKey: string;
}

/** Flow organizations sit in a destination city (brief, "Organizations"). */
export function requireDestination(kind: OrgKind, place: { province?: string | null | undefined; city?: string | null | undefined }) {
  if (!FLOW_KINDS.includes(kind)) return;
  if (!place.city) throw badField('city', 'required');
  if (!place.province) throw badField('province', 'required');
}

/**
 * Adds an org under an open parent the caller manages, with its history entry (and its
 * directory entry when other counties may address it). A retry returns the first org.
 */
export async function createOrg(tx: Tx, tenantId: string, scope: OrgScope, input: NewOrg, actor: Actor): Promise<{ id: string }> {
  await lockTree(tx, tenantId);
  const done = await priorChange(tx, tenantId, input.idempotencyKey, 'created');
  if (done) return { id: done.orgId };

  const parent = await findOrg(tx, tenantId, input.parentId, scope);
  if (!parent?.managed) throw badField('parentId', 'org_not_found');
  if (parent.org.closedAt) throw badField('parentId', 'org_closed');
  const problem = childKindProblem(parent.org.kind, input.kind);
  if (problem) throw badField('kind', 'kind_not_allowed', { kind: input.kind, parentKind: parent.org.kind });
  requireDestination(input.kind, input);
  // A county has one organization department (townships and streets hang under it): a second
  // one was what a new user made when looking for where a township goes.
  if (input.kind === 'department') {
    const [existing] = await tx
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(eq(orgs.tenantId, tenantId), eq(orgs.kind, 'department'), isNull(orgs.closedAt)))
      .limit(1);
    if (existing) throw badField('kind', 'department_exists');
  }

  const id = crypto.randomUUID();
  const values = {
    parentId: input.parentId, kind: input.kind, name: input.name, place: input.place ?? null,
    province: input.province ?? null, city: input.city ?? null, address: input.address ?? null,
  };
  await tx.insert(orgs).values({ tenantId, id, ...values, path: `${parent.org.path}${id}/`, createdAt: actor.now });
  await recordOrgChange(tx, tenantId, { orgId: id, action: 'created', before: null, after: values, idempotencyKey: input.idempotencyKey }, actor);
  const saved = { id, ...values, path: `${parent.org.path}${id}/`, closedAt: null };
  await syncDirectory(tx, tenantId, saved);
  await announceOrg(tx, tenantId, saved);
  return { id };
}
