import type { Tx } from '@tongxin/db';
import type { Caller } from '@tongxin/trpc';
import { badField } from '@tongxin/trpc';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { orgs } from '../schema.ts';
import type { Visibility } from '../schema/scope.ts';

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
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a secretary of that organization' });
  }
  if (!org) throw badField('orgId', 'no such organization in this county');
  if (org.closedAt) throw badField('orgId', 'that organization is closed');
  if (visibility === 'tenant_mobile' && !COUNTY_KINDS.has(org.kind)) throw badField('visibility', 'only the department publishes to all mobile members');
  if (visibility === 'flow_org' && !FLOW_KINDS.has(org.kind)) throw badField('visibility', 'only a flow organization publishes to its checked-in members');
  return org;
}
