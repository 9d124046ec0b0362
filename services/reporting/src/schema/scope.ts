// What reporting's policies share: the schema and the scope tests.
import { currentOrgIds } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';

export const reporting = pgSchema('reporting');

/** True when the row's org path passes through one of the caller's orgs (paths hold every ancestor id). */
export const pathInScope = (path: unknown) =>
  sql`exists (select 1 from unnest(${currentOrgIds}) scope(id) where position('/' || scope.id || '/' in ${path}) > 0)`;


/** Rows about one member are visible exactly when the member is (members' policies apply). */
export const memberVisible = (tenantId: unknown, memberId: unknown) =>
  sql`exists (select 1 from reporting.members m where m.tenant_id = ${tenantId} and m.member_id = ${memberId})`;
