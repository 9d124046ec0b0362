import { sql } from 'drizzle-orm';
import { pgPolicy } from 'drizzle-orm/pg-core';

/** The current tenant as policies read it: unset → null, so no tenant row matches. */
export const currentTenant = sql`nullif(current_setting('app.tenant_id', true), '')`;
export const currentUser = sql`nullif(current_setting('app.user_id', true), '')`;
export const tenantWide = sql`(current_setting('app.tenant_wide', true) = 'on')`;
export const currentOrgIds = sql`string_to_array(nullif(current_setting('app.org_ids', true), ''), ',')`;

/** The policy every tenant-owned table has: rows of the transaction's tenant only, read and write. */
export function tenantPolicy(as: 'permissive' | 'restrictive' = 'permissive') {
  // Restrictive when the table adds a permissive scope policy: both must then hold.
  return pgPolicy('tenant_isolation', {
    as,
    for: 'all',
    using: sql`tenant_id = ${currentTenant}`,
    withCheck: sql`tenant_id = ${currentTenant}`,
  });
}
