import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS, type OrgMoved } from '@tongxin/events';
import { sql } from 'drizzle-orm';
import { outbox } from '../schema.ts';
import { findManagedOrg, findOrg, type OrgScope } from './find-org.ts';
import { lockTree, priorChange, recordOrgChange, type Actor } from './org-change-log.ts';
import { childKindProblem } from './org-kinds.ts';
import { badField } from '@tongxin/errors';

const OPEN_TRANSFER = sql`status in ('requested', 'origin_approved', 'township_approved')`;

/**
 * Hangs an org, with its whole subtree, under another parent. Every copy of a path moves in
 * the same transaction: the orgs', the members' org_path (which their visibility policy
 * reads) and open transfers' paths, so no secretary gains or loses a member half-way.
 */
export async function moveOrg(
  tx: Tx, tenantId: string, scope: OrgScope, input: { orgId: string; newParentId: string; idempotencyKey: string }, actor: Actor,
): Promise<{ id: string }> {
  await lockTree(tx, tenantId);
  if (await priorChange(tx, tenantId, input.idempotencyKey, 'moved', input.orgId)) return { id: input.orgId };

  const org = await findManagedOrg(tx, tenantId, input.orgId, scope);
  if (org.parentId === null || org.kind === 'department' || org.kind === 'county') {
    throw badField('orgId', 'root_fixed');
  }
  if (org.closedAt) throw badField('orgId', 'org_closed');
  const parent = await findOrg(tx, tenantId, input.newParentId, scope);
  if (!parent?.managed) throw badField('newParentId', 'org_not_found');
  if (parent.org.path.startsWith(org.path)) throw badField('newParentId', 'would_make_cycle');
  if (parent.org.closedAt) throw badField('newParentId', 'org_closed');
  const problem = childKindProblem(parent.org.kind, org.kind);
  if (problem) throw badField('newParentId', 'kind_not_allowed', { kind: org.kind, parentKind: parent.org.kind });
  if (org.parentId === parent.org.id) return { id: org.id };

  const from = org.path;
  const to = `${parent.org.path}${org.id}/`;
  const under = `${from}%`;
  const rest = from.length + 1;
  // Members and transfers first: their policies read the orgs' paths, which still hold the
  // old prefix, so the rows are found by it and land under the new parent, also in scope.
  await tx.execute(sql`update roster.members set org_path = ${to} || substr(org_path, ${rest})
    where tenant_id = ${tenantId} and org_path like ${under}`);
  await tx.execute(sql`update roster.transfers set from_path = ${to} || substr(from_path, ${rest})
    where tenant_id = ${tenantId} and from_path like ${under} and ${OPEN_TRANSFER}`);
  await tx.execute(sql`update roster.transfers set to_path = ${to} || substr(to_path, ${rest})
    where to_tenant_id = ${tenantId} and to_path like ${under} and ${OPEN_TRANSFER}`);
  await tx.execute(sql`update roster.orgs set path = ${to} || substr(path, ${rest}),
      parent_id = case when id = ${org.id} then ${parent.org.id}::uuid else parent_id end
    where tenant_id = ${tenantId} and path like ${under}`);
  await tx.execute(sql`update roster.org_directory d set path = o.path from roster.orgs o
    where d.tenant_id = ${tenantId} and o.tenant_id = d.tenant_id and o.id = d.org_id and o.path like ${to + '%'}`);
  // Grants from members of other counties into the moved subtree are their county's rows: they
  // follow through the function that derives the paths and checks the caller (repath-grantee-orgs.sql).
  await tx.execute(sql`select roster.repath_grantee_orgs(${org.id}::uuid)`);
  // Other services keep copies of paths (reporting's members, check-ins, meetings): they re-path from this.
  const moved: OrgMoved = { orgId: org.id, fromPath: from, toPath: to };
  await recordEvent(tx, outbox, tenantId, TOPICS.roster.orgMoved, moved);

  await recordOrgChange(tx, tenantId, {
    orgId: org.id, action: 'moved', idempotencyKey: input.idempotencyKey,
    before: { parentId: org.parentId, path: from }, after: { parentId: parent.org.id, path: to },
  }, actor);
  return { id: org.id };
}

