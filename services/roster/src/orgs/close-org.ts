import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS } from '@tongxin/events';
import { and, eq, sql } from 'drizzle-orm';
import { orgs, outbox } from '../schema.ts';
import { findManagedOrg, type OrgScope } from './find-org.ts';
import { lockTree, priorChange, recordOrgChange, type Actor } from './org-change-log.ts';
import { announceOrg } from './announce-org.ts';
import { syncDirectory } from './sync-directory.ts';
import { badField } from '@tongxin/errors';

/**
 * Closes an org that no longer holds anyone: its members must be moved first and its open
 * children closed or moved. The row stays for history; closed orgs take no new children.
 */
export async function closeOrg(tx: Tx, tenantId: string, scope: OrgScope, input: { orgId: string; idempotencyKey: string }, actor: Actor): Promise<{ id: string }> {
  await lockTree(tx, tenantId);
  if (await priorChange(tx, tenantId, input.idempotencyKey, 'closed', input.orgId)) return { id: input.orgId };

  const org = await findManagedOrg(tx, tenantId, input.orgId, scope);
  if (org.closedAt) return { id: org.id };
  if (org.parentId === null) throw badField('orgId', 'root_fixed');
  const result = await tx.execute(sql`select
      exists (select 1 from roster.orgs where tenant_id = ${tenantId} and parent_id = ${org.id} and closed_at is null) as children,
      exists (select 1 from roster.members where tenant_id = ${tenantId} and branch_id = ${org.id} and status <> 'transferred_out') as members`);
  const holds = result.rows[0] as { children: boolean; members: boolean };
  if (holds.members) throw badField('orgId', 'org_has_members');
  if (holds.children) throw badField('orgId', 'org_has_children');

  await tx.update(orgs).set({ closedAt: actor.now }).where(and(eq(orgs.tenantId, tenantId), eq(orgs.id, org.id)));
  await recordOrgChange(tx, tenantId, {
    orgId: org.id, action: 'closed', idempotencyKey: input.idempotencyKey, before: { closedAt: null }, after: { closedAt: actor.now.toISOString() },
  }, actor);
  await syncDirectory(tx, tenantId, { ...org, closedAt: actor.now });
  await announceOrg(tx, tenantId, { ...org, closedAt: actor.now });
  // Reporting refuses check-ins to closed orgs (it cannot read roster's tree).
  await recordEvent(tx, outbox, tenantId, TOPICS.roster.orgClosed, { orgId: org.id, closedAt: actor.now.toISOString() });
  return { id: org.id };
}
