import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { orgs } from '../schema.ts';
import { requireDestination } from './create-org.ts';
import { findManagedOrg, type OrgScope } from './find-org.ts';
import { lockTree, priorChange, recordOrgChange, type Actor } from './org-change-log.ts';
import { announceOrg } from './announce-org.ts';
import { syncDirectory } from './sync-directory.ts';
import { badField } from '@tongxin/errors';

/** Undefined leaves a field as it is; null clears it (the name cannot be cleared). */
export interface OrgPatch {
  name?: string | undefined;
  place?: string | null | undefined;
  province?: string | null | undefined;
  city?: string | null | undefined;
  address?: string | null | undefined;
}

const FIELDS = ['name', 'place', 'province', 'city', 'address'] as const;

/**
 * Renames an org or changes its place. History keeps only the fields that changed; a
 * change that changes nothing records nothing.
 */
export async function updateOrg(
  tx: Tx, tenantId: string, scope: OrgScope, orgId: string,
  change: { action: 'renamed' | 'updated'; patch: OrgPatch; idempotencyKey: string }, actor: Actor,
): Promise<{ id: string }> {
  const { action, patch, idempotencyKey } = change;
  await lockTree(tx, tenantId);
  if (await priorChange(tx, tenantId, idempotencyKey, action, orgId)) return { id: orgId };

  const org = await findManagedOrg(tx, tenantId, orgId, scope);
  if (org.closedAt) throw badField('orgId', 'org_closed');
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = patch[field];
    if (value === undefined || value === org[field]) continue;
    before[field] = org[field];
    after[field] = value;
  }
  if (Object.keys(after).length === 0) return { id: orgId };
  const next = { ...org, ...after };
  requireDestination(org.kind, next);

  await tx.update(orgs).set(after).where(and(eq(orgs.tenantId, tenantId), eq(orgs.id, orgId)));
  await recordOrgChange(tx, tenantId, { orgId, action, before, after, idempotencyKey }, actor);
  await syncDirectory(tx, tenantId, next);
  await announceOrg(tx, tenantId, next);
  return { id: orgId };
}
