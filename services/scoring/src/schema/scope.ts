// What scoring's policies share: the schema and the member tests.
import { pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { pgPolicy, pgSchema } from 'drizzle-orm/pg-core';

export const scoring = pgSchema('scoring');

/**
 * Rows about one member are visible exactly when the member is: the copy's own policy
 * applies inside the subquery (the member themself, a secretary whose subtree holds them,
 * the department; tenant-wide also before the copy arrives, for event consumers). A member
 * never sees another member's points (brief, burden rules).
 */
export const memberVisible = (tenantId: unknown, memberId: unknown) =>
  sql`${tenantWide} or exists (select 1 from scoring.members m where m.tenant_id = ${tenantId} and m.member_id = ${memberId})`;

/** Written only by the department (and consumers, tenant-wide) or a secretary whose subtree holds the member. */
export const memberManaged = (tenantId: unknown, memberId: unknown) =>
  sql`${tenantWide} or exists (select 1 from scoring.members m where m.tenant_id = ${tenantId} and m.member_id = ${memberId} and ${pathInScope(sql`m.org_path`)})`;

/** Read with the member, written by who manages them; no UPDATE or DELETE policy at all. */
export const memberRowPolicies = (t: { tenantId: unknown; memberId: unknown }) => [
  tenantPolicy('restrictive'),
  pgPolicy('member_visible', { as: 'permissive', for: 'select', using: memberVisible(t.tenantId, t.memberId) }),
  pgPolicy('member_managed', { as: 'permissive', for: 'insert', withCheck: memberManaged(t.tenantId, t.memberId) }),
];

/** Tenant settings: everyone in the tenant reads them, only the department (tenant-wide) writes. */
export const settingsPolicies = () => [
  tenantPolicy('restrictive'),
  pgPolicy('settings_read', { as: 'permissive', for: 'select', using: sql`true` }),
  pgPolicy('settings_write', { as: 'permissive', for: 'all', using: tenantWide, withCheck: tenantWide }),
];
