import type { Database } from '@tongxin/db';
import { sql } from 'drizzle-orm';

/**
 * Tasks' and scoring's copies of a seeded county's orgs and members, as roster's events
 * would have made them (@tongxin/copies). Seeding writes every service's tables directly
 * as the owner, in bulk, instead of relaying thousands of events.
 */
export async function seedCopies(database: Database, tenantId: string): Promise<void> {
  for (const schema of ['tasks', 'scoring']) {
    const s = sql.raw(schema);
    await database.owner.execute(sql`
      insert into ${s}.orgs (tenant_id, org_id, kind, name, path, city, closed_at)
      select tenant_id, id, kind::text, name, path, city, closed_at from roster.orgs where tenant_id = ${tenantId}
      on conflict do nothing`);
    await database.owner.execute(sql`
      insert into ${s}.members (tenant_id, member_id, user_id, name, branch_id, org_path, status, destination_city)
      select tenant_id, id, user_id, name, branch_id, org_path, status::text, destination_city from roster.members where tenant_id = ${tenantId}
      on conflict do nothing`);
  }
}

/**
 * For a database that had counties before tasks and scoring kept copies (issue 7): orgs
 * existed before roster announced them, and scoring's old member table was replaced. Fills
 * the copies of every county that has none yet; counties with copies are left to the events.
 */
export async function backfillCopies(database: Database): Promise<string[]> {
  const missing = await database.owner.execute(sql`
    select distinct tenant_id from roster.orgs o
    where not exists (select 1 from tasks.orgs t where t.tenant_id = o.tenant_id)
       or not exists (select 1 from scoring.orgs s where s.tenant_id = o.tenant_id)`);
  const tenants = missing.rows.map((r) => String(r.tenant_id));
  for (const tenantId of tenants) await seedCopies(database, tenantId);
  return tenants;
}
