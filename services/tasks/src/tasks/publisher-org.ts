import type { Tx } from '@tongxin/db';
import type { Caller } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { orgs } from '../schema.ts';
import type { Visibility } from '../schema/scope.ts';
import { DomainError, badField } from '@tongxin/errors';

const FLOW_KINDS = new Set(['flow_general', 'flow_branch']);
const COUNTY_KINDS = new Set(['department', 'county']);

/**
 * The org a task is published for, from the copy of roster's orgs, and whether the caller may
 * publish for it: a secretary of exactly that org, or the department (any org of the county).
 * The audience must fit the publisher: all mobile members is the department's, a flow
 * organization's audience is a flow organization's.
 */
export async function publisherOrg(tx: Tx, caller: Caller, orgId: string, visibility: Visibility) {
  const [org] = await tx
    .select({ orgId: orgs.orgId, kind: orgs.kind, name: orgs.name, path: orgs.path, closedAt: orgs.closedAt })
    .from(orgs)
    .where(and(eq(orgs.tenantId, caller.tenantId), eq(orgs.orgId, orgId)));
  if (!caller.department && !caller.orgIds.includes(orgId)) {
    throw new DomainError('not_your_org', { message: 'You are not a secretary of that organization' });
  }
  if (!org) throw badField('orgId', 'org_not_found');
  if (org.closedAt) throw badField('orgId', 'org_closed');
  if (visibility === 'tenant_mobile' && !COUNTY_KINDS.has(org.kind)) throw badField('visibility', 'department_only');
  if (visibility === 'flow_org' && !FLOW_KINDS.has(org.kind)) throw badField('visibility', 'flow_org_only');
  return org;
}
