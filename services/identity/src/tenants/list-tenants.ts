import type { Tx } from '@tongxin/db';
import { asc, eq } from 'drizzle-orm';
import { tenants } from '../schema.ts';

/** The counties one can log in to, for the login form. */
export function listTenants(tx: Tx) {
  return tx.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.kind, 'county')).orderBy(asc(tenants.id));
}

export async function tenantExists(tx: Tx, tenantId: string): Promise<boolean> {
  const [row] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId));
  return Boolean(row);
}
