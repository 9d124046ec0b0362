import type { Tx } from '@tongxin/db';
import { asc, inArray, sql } from 'drizzle-orm';
import { tenants } from '../schema.ts';

/**
 * What one can log in to, for the login form: the counties, then the cities (their
 * departments read the counties that granted them their figures, issue 15), then the
 * platform (its operators). A suspended county stays listed, marked, so its people are told why they
 * cannot log in rather than finding their county gone.
 */
export function listTenants(tx: Tx) {
  return tx
    .select({ id: tenants.id, name: tenants.name, suspended: sql<boolean>`${tenants.suspendedAt} is not null` })
    .from(tenants)
    .where(inArray(tenants.kind, ['county', 'city', 'platform']))
    .orderBy(sql`${tenants.kind} = 'platform'`, sql`${tenants.kind} = 'city'`, asc(tenants.id));
}
