import { tenantTransaction, type Database } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { escalateTenant, type EscalationCounts } from './escalate-tenant.ts';

export { LOST_CONTACT_PROPOSED } from './escalate-tenant.ts';

/**
 * The daily escalation ladder in every tenant (the host schedules it once per China day;
 * a second run repeats nothing). Listing the tenants is a system read (`database.system`); each
 * tenant's steps run in its own tenant-wide transaction, under RLS like any change.
 */
export async function runEscalation(database: Database, now: Date): Promise<({ tenantId: string } & EscalationCounts)[]> {
  const tenants = await database.system.execute(sql`select distinct tenant_id from reporting.members order by tenant_id`);
  const results: ({ tenantId: string } & EscalationCounts)[] = [];
  for (const { tenant_id: tenantId } of tenants.rows as { tenant_id: string }[]) {
    const counts = await tenantTransaction(database, { tenantId, tenantWide: true }, (tx) => escalateTenant(tx, tenantId, now));
    results.push({ tenantId, ...counts });
  }
  return results;
}
