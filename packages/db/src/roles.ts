import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';

/** Creates the request role once per cluster; it can log in to nothing and bypasses nothing. */
export async function ensureAppRole(database: Database): Promise<void> {
  const role = sql.identifier(database.appRole);
  await database.owner.execute(sql`do $$ begin
      create role ${role} nologin nosuperuser nobypassrls noinherit;
    exception when duplicate_object then null; end $$`);
  // On Neon the owner is not a superuser: it must be a member to SET ROLE.
  await database.owner.execute(sql`grant ${role} to current_user`).catch(() => undefined);
}

/** Request code may read and write rows of the service schemas, never change the schema. */
export async function grantAppRole(database: Database, schemas: readonly string[]): Promise<void> {
  const role = sql.identifier(database.appRole);
  for (const schema of schemas) {
    const s = sql.identifier(schema);
    await database.owner.execute(sql`grant usage on schema ${s} to ${role}`);
    await database.owner.execute(sql`grant select, insert, update, delete on all tables in schema ${s} to ${role}`);
    await database.owner.execute(sql`grant usage, select on all sequences in schema ${s} to ${role}`);
  }
}
