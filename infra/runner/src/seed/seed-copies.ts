import type { Database } from '@tongxin/db';
import { sql } from 'drizzle-orm';

/**
 * Tasks' and scoring's copies of a seeded county's orgs and members, as roster's events
 * would have made them (@tongxin/copies). Seeding writes every service's tables directly
 * as the system role, in bulk, instead of relaying thousands of events.
 */
export async function seedCopies(database: Database, tenantId: string): Promise<void> {
  for (const schema of ['tasks', 'scoring']) {
    const s = sql.raw(schema);
    await database.system.execute(sql`
      insert into ${s}.orgs (tenant_id, org_id, kind, name, path, city, closed_at)
      select tenant_id, id, kind::text, name, path, city, closed_at from roster.orgs where tenant_id = ${tenantId}
      on conflict do nothing`);
    await database.system.execute(sql`
      insert into ${s}.members (tenant_id, member_id, user_id, name, branch_id, org_path, status, destination_city)
      select tenant_id, id, user_id, name, branch_id, org_path, status::text, destination_city from roster.members where tenant_id = ${tenantId}
      on conflict do nothing`);
  }
  // Reporting's directory of orgs, which a check-in reads its destination's path and name from (issue 13).
  await database.system.execute(sql`
    insert into reporting.org_directory (tenant_id, org_id, name, path, closed_at)
    select tenant_id, id, name, path, closed_at from roster.orgs where tenant_id = ${tenantId}
    on conflict do nothing`);
  for (const schema of SEAT_COPIES) await copySeats(database, schema, tenantId);
}

/** The services that decide about members and so keep identity's secretary seats (issue 13 C). */
const SEAT_COPIES = ['roster', 'reporting', 'tasks', 'scoring'] as const;

/**
 * The seats copy of one service, as `identity.seats_changed` would have made it: every
 * secretary seat of the tenant (or, with no tenant, of every county whose copy is still
 * empty); the tenants it filled.
 */
async function copySeats(database: Database, schema: (typeof SEAT_COPIES)[number], tenantId: string | null): Promise<string[]> {
  const s = sql.raw(schema);
  const which = tenantId === null
    ? sql`not exists (select 1 from ${s}.seats x where x.tenant_id = r.tenant_id)`
    : sql`r.tenant_id = ${tenantId}`;
  const result = await database.system.execute(sql`
    insert into ${s}.seats (tenant_id, user_id, org_id)
    select r.tenant_id, r.user_id::text, r.org_id from identity.role_assignments r
    where r.role = 'secretary' and r.org_id is not null and ${which}
    on conflict do nothing
    returning tenant_id`);
  // Reporting also keeps how each holder is reached (issue 17), as the event carries it:
  // the member's ledger phone, else a username that is a mobile number.
  if (schema === 'reporting') {
    await database.system.execute(sql`
      insert into reporting.seat_contacts (tenant_id, user_id, name, phone)
      select distinct on (u.tenant_id, u.id) u.tenant_id, u.id::text, coalesce(p.name, u.display_name),
        coalesce(p.phone, case when u.username ~ '^1[3-9][0-9]{9}$' then u.username end)
      from identity.role_assignments r
      join identity.users u on u.tenant_id = r.tenant_id and u.id = r.user_id
      left join identity.people p on p.tenant_id = u.tenant_id and p.user_id = u.id
      where r.role = 'secretary' and r.org_id is not null and ${tenantId === null ? sql`true` : sql`r.tenant_id = ${tenantId}`}
      on conflict do nothing`);
  }
  return result.rows.map((row) => String(row.tenant_id));
}

/**
 * For a database from before the seats copies (issue 13 C): every county's seats, once, into
 * each service whose copy of that county is empty. From then on identity's events keep them.
 */
export async function backfillSeats(database: Database): Promise<string[]> {
  const filled = new Set<string>();
  for (const schema of SEAT_COPIES) for (const tenantId of await copySeats(database, schema, null)) filled.add(tenantId);
  return [...filled];
}

/**
 * For a database that had counties before tasks and scoring kept copies (issue 7), or before
 * reporting kept its directory of orgs (issue 13): orgs existed before roster announced them,
 * and scoring's old member table was replaced. Fills the copies of every county that has none
 * yet; counties with copies are left to the events.
 */
export async function backfillCopies(database: Database): Promise<string[]> {
  const missing = await database.system.execute(sql`
    select distinct tenant_id from roster.orgs o
    where not exists (select 1 from tasks.orgs t where t.tenant_id = o.tenant_id)
       or not exists (select 1 from scoring.orgs s where s.tenant_id = o.tenant_id)
       or not exists (select 1 from reporting.org_directory r where r.tenant_id = o.tenant_id)`);
  const tenants = missing.rows.map((r) => String(r.tenant_id));
  for (const tenantId of tenants) await seedCopies(database, tenantId);
  return tenants;
}

/**
 * Identity's copies of a seeded county (its people and orgs, as roster's events would have
 * made them), the appointments behind its secretaries' grants, and its setup marked live:
 * the demo counties were running before Tongxin had onboarding. The ID-tail digest is
 * computed in SQL exactly as @tongxin/ledger's idTailDigest does (tested).
 */
export async function seedIdentityCopies(database: Database, tenantId: string): Promise<void> {
  const db = database.system;
  await db.execute(sql`
    insert into identity.orgs (tenant_id, org_id, kind, name, path, city, closed_at)
    select tenant_id, id, kind::text, name, path, city, closed_at from roster.orgs where tenant_id = ${tenantId}
    on conflict do nothing`);
  await db.execute(sql`
    insert into identity.people (tenant_id, member_id, user_id, name, phone, id_tail_digest, branch_id, org_path, status)
    select tenant_id, id, user_id::uuid, name, phone,
      case when nullif(trim(id_card_number), '') is null then null
        else encode(sha256(convert_to(id::text || ':' || upper(right(trim(id_card_number), 6)), 'UTF8')), 'hex') end,
      branch_id, org_path, status::text
    from roster.members where tenant_id = ${tenantId}
    on conflict do nothing`);
  await db.execute(sql`
    insert into identity.appointments (tenant_id, org_id, org_path, member_id, user_id, name, title, appointed_at)
    select r.tenant_id, r.org_id, o.path, p.member_id, r.user_id, u.display_name, 'secretary', now()
    from identity.role_assignments r
    join identity.users u on u.tenant_id = r.tenant_id and u.id = r.user_id
    join roster.orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
    left join identity.people p on p.tenant_id = r.tenant_id and p.user_id = r.user_id
    where r.tenant_id = ${tenantId} and r.role = 'secretary'
      and not exists (select 1 from identity.appointments a where a.tenant_id = r.tenant_id and a.org_id = r.org_id and a.user_id = r.user_id)`);
  await db.execute(sql`insert into identity.tenant_setup (tenant_id, live_at, steps) values (${tenantId}, now(), '["live"]'::jsonb) on conflict do nothing`);
}

/**
 * A database that predates identity's copies (issue 12: none at all) gets them at start for
 * every county, all of which were running already. Once any copy exists, events keep them:
 * a county an operator just created must not be marked live by a restart.
 */
export async function backfillIdentityCopies(database: Database): Promise<string[]> {
  const started = await database.system.execute(sql`select exists (select 1 from identity.orgs) as started`);
  if (started.rows[0]?.started) return [];
  const missing = await database.system.execute(sql`select distinct tenant_id from roster.orgs`);
  const tenants = missing.rows.map((r) => String(r.tenant_id));
  for (const tenantId of tenants) await seedIdentityCopies(database, tenantId);
  return tenants;
}
