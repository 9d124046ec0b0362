// What every roster table's policies share: the schema and the scope tests.
import { tenantPolicy } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { pgPolicy, pgSchema } from 'drizzle-orm/pg-core';

export const roster = pgSchema('roster');

/** Rows about one member are visible exactly when the member is (members' own policies apply). */
export const memberVisible = (tenantId: unknown, memberId: unknown) =>
  sql`exists (select 1 from roster.members m where m.tenant_id = ${tenantId} and m.id = ${memberId})`;

export const memberRowPolicies = (t: { tenantId: unknown; memberId: unknown }) => [
  tenantPolicy('restrictive'),
  pgPolicy('member_visible', { as: 'permissive', for: 'all', using: memberVisible(t.tenantId, t.memberId) }),
];
