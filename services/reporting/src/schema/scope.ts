// What reporting's policies share: the schema and the scope tests.
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';

export const reporting = pgSchema('reporting');

/** Rows about one member are visible exactly when the member is (members' policies apply). */
export const memberVisible = (tenantId: unknown, memberId: unknown) =>
  sql`exists (select 1 from reporting.members m where m.tenant_id = ${tenantId} and m.member_id = ${memberId})`;
