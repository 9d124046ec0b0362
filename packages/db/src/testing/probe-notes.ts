import { sql } from 'drizzle-orm';
import type { Database } from '../database.ts';

/**
 * `probe.notes`: a tenant table made by a test, protected the way every service table is
 * (RLS forced, the tenant policy, the app role granted select and insert), holding one note of
 * tenant 'a' and one of 'b'.
 */
export async function createProbeNotes(database: Database): Promise<void> {
  await database.owner.execute(sql`create schema probe`);
  await database.owner.execute(sql`create table probe.notes (tenant_id text not null, body text not null, primary key (tenant_id, body))`);
  await database.owner.execute(sql`alter table probe.notes enable row level security`);
  await database.owner.execute(sql`alter table probe.notes force row level security`);
  await database.owner.execute(sql`create policy tenant_isolation on probe.notes using (tenant_id = nullif(current_setting('app.tenant_id', true), ''))`);
  await database.owner.execute(sql`grant usage on schema probe to tongxin_app`);
  await database.owner.execute(sql`grant select, insert on probe.notes to tongxin_app`);
  await database.owner.execute(sql`insert into probe.notes values ('a', 'of a'), ('b', 'of b')`);
}
