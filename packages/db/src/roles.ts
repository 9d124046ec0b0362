import { sql } from 'drizzle-orm';
import { SYSTEM_ROLE, type Database } from './database.ts';

/** Creates the request role once per cluster; it can log in to nothing and bypasses nothing. */
export async function ensureAppRole(database: Database): Promise<void> {
  const role = sql.identifier(database.appRole);
  // Created only when missing: an owner without CREATEROLE may still run on a role an
  // administrator made.
  if (!(await roleExists(database, database.appRole))) {
    await database.owner.execute(sql`do $$ begin
        create role ${role} nologin nosuperuser nobypassrls noinherit;
      exception when duplicate_object then null; end $$`);
  }
  // An owner that is not a superuser (as on Neon) must be a member to SET ROLE.
  await database.owner.execute(sql`grant ${role} to current_user`).catch(() => undefined);
}

/** Why system work cannot run, and the two statements an administrator runs once. */
export class SystemRoleMissing extends Error {
  constructor(owner: string, problem: string) {
    super(
      `${problem}. System work (the outbox relay, seeding, daily jobs, the SECURITY DEFINER functions) runs as ` +
        `"${SYSTEM_ROLE}", a role that bypasses row-level security without being a superuser, which "${owner}" ` +
        `may not create. Have an administrator run once:\n` +
        `  create role ${SYSTEM_ROLE} nologin bypassrls;\n` +
        `  grant ${SYSTEM_ROLE} to ${quoteIdentifier(owner)};`,
    );
    this.name = 'SystemRoleMissing';
  }
}

/**
 * Makes sure `tongxin_system` exists (NOLOGIN, BYPASSRLS, not a superuser) and that the login
 * owner may act as it. Forced RLS binds an owner that is not a superuser, so without this
 * role the relay, the seed and the SECURITY DEFINER functions would see no rows. Created here
 * when the owner can (a superuser, as PGlite's and a local server's `postgres`); otherwise
 * an administrator creates it once, and start-up says how.
 */
export async function ensureSystemRole(database: Database): Promise<void> {
  const owner = await currentUser(database);
  const role = sql.identifier(SYSTEM_ROLE);
  let state = await systemRoleState(database);
  if (!state.exists) {
    await database.owner.execute(sql`create role ${role} nologin nosuperuser bypassrls`).catch((error: Error & { code?: string }) => {
      // 42710 (or 23505 in a close race): created meanwhile by another process starting too.
      if (error.code !== '42710' && error.code !== '23505') throw new SystemRoleMissing(owner, `The role "${SYSTEM_ROLE}" does not exist and "${owner}" cannot create it (${error.message})`);
    });
    state = await systemRoleState(database);
  }
  // A superuser counts as a member of every role; anyone else needs the grant (an owner with
  // CREATEROLE may give it itself, on PostgreSQL 16 also for a role it created).
  if (!state.superuserOwner) await database.owner.execute(sql`grant ${role} to current_user`).catch(() => undefined);
  state = await systemRoleState(database);
  if (!state.member) throw new SystemRoleMissing(owner, `"${owner}" is not a member of "${SYSTEM_ROLE}"`);
  // The point of the role is to bypass RLS without the powers of a superuser.
  if (state.superuser || !state.bypassrls || state.login) {
    throw new Error(`The role "${SYSTEM_ROLE}" must bypass row-level security, not log in and not be a superuser: alter role ${SYSTEM_ROLE} nologin nosuperuser bypassrls;`);
  }
  if (database.system === database.owner) return;
  // What the system pool's connections really act as (their `set role` on connect).
  const actingAs = await database.system
    .execute(sql`select current_user as name`)
    .then((result) => result.rows[0]!.name as string)
    .catch((error: Error) => error.message);
  if (actingAs !== SYSTEM_ROLE) throw new SystemRoleMissing(owner, `"${owner}" cannot act as "${SYSTEM_ROLE}" (${actingAs})`);
}

async function systemRoleState(database: Database) {
  const result = await database.owner.execute(sql`select
      r.oid is not null as "exists",
      coalesce(r.rolsuper, false) as superuser,
      coalesce(r.rolbypassrls, false) as bypassrls,
      coalesce(r.rolcanlogin, false) as login,
      r.oid is not null and pg_has_role(current_user, r.oid, 'MEMBER') as member,
      (select rolsuper from pg_roles where rolname = current_user) as "superuserOwner"
    from (select 1) one left join pg_roles r on r.rolname = ${SYSTEM_ROLE}`);
  return result.rows[0] as { exists: boolean; superuser: boolean; bypassrls: boolean; login: boolean; member: boolean; superuserOwner: boolean };
}

async function roleExists(database: Database, name: string): Promise<boolean> {
  const result = await database.owner.execute(sql`select exists (select 1 from pg_roles where rolname = ${name}) as found`);
  return (result.rows[0] as { found: boolean }).found;
}

async function currentUser(database: Database): Promise<string> {
  return (await database.owner.execute(sql`select current_user as name`)).rows[0]!.name as string;
}

const quoteIdentifier = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`);

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

/**
 * System work may read and write every row of the service schemas, and every SECURITY
 * DEFINER function there is handed to `tongxin_system`: it then never runs as a superuser,
 * and still runs past RLS under an owner that is not one. Generic (every such function in
 * pg_proc, whichever migration made it) and idempotent, so it runs after every migration.
 * CREATE on the schema is what ALTER … OWNER asks of the new owner; the login owner, a
 * member, can still replace these functions in a later migration.
 */
export async function grantSystemRole(database: Database, schemas: readonly string[]): Promise<void> {
  const role = sql.identifier(SYSTEM_ROLE);
  for (const schema of schemas) {
    const s = sql.identifier(schema);
    await database.owner.execute(sql`grant usage, create on schema ${s} to ${role}`);
    await database.owner.execute(sql`grant all on all tables in schema ${s} to ${role}`);
    await database.owner.execute(sql`grant all on all sequences in schema ${s} to ${role}`);
  }
  if (schemas.length === 0) return;
  const definers = await database.owner.execute(sql`select
      quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')' as signature
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where p.prosecdef and n.nspname in (${sql.join(schemas.map((schema) => sql`${schema}`), sql`, `)})
      and p.proowner <> (select oid from pg_roles where rolname = ${SYSTEM_ROLE})`);
  for (const { signature } of definers.rows as { signature: string }[]) {
    await database.owner.execute(sql.raw(`alter function ${signature} owner to ${SYSTEM_ROLE}`));
  }
}
