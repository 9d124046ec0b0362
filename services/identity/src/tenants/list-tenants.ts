import type { Tx } from '@tongxin/db';
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import { tenants } from '../schema.ts';

/**
 * What one can log in to, for the login form: the counties not suspended, and the platform
 * (its operators) last.
 */
export function listTenants(tx: Tx) {
  return tx
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .where(and(inArray(tenants.kind, ['county', 'platform']), isNull(tenants.suspendedAt)))
    .orderBy(sql`${tenants.kind} = 'platform'`, asc(tenants.id));
}
