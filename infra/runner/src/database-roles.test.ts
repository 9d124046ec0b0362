import { APP_ROLE, SYSTEM_ROLE, type Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceMigrations } from './services.ts';

// Who may get past row-level security (issue 13, Also): the migrations' owner and
// `tongxin_system`, nobody else; request code's role bypasses nothing; the SECURITY DEFINER
// functions run as `tongxin_system`, never as a superuser. Read from the catalog of a
// database migrated the way every deployment is.
const schemas = serviceMigrations.map((m) => m.schema);
let database: Database;
let owner: string;
beforeAll(async () => {
  database = await createTestDatabase(serviceMigrations);
  owner = (await database.owner.execute(sql`select current_user as name`)).rows[0]!.name as string;
}, 120_000);
afterAll(() => database?.close());

const rows = async <T,>(query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows as T[];
const inSchemas = sql`(${sql.join(schemas.map((s) => sql`${s}`), sql`, `)})`;

describe('roles that bypass row-level security', () => {
  it('every role granted a service table, directly or through a role it belongs to, that bypasses RLS is the owner or tongxin_system', async () => {
    // The roles a table's owner or ACL names, and every role that is a member of one of
    // them (it may SET ROLE to it). A cluster's own superusers that were granted nothing are
    // the platform's administrators, not roles of this deployment.
    const bypassing = await rows<{ role: string; table: string }>(sql`
      with recursive tables as (
        select c.oid, c.relowner, c.relacl, n.nspname || '.' || c.relname as name
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ${inSchemas} and c.relkind in ('r', 'p', 'v', 'm')
      ), named as (
        select t.name, t.relowner as role from tables t
        union select t.name, a.grantee from tables t, aclexplode(coalesce(t.relacl, acldefault('r', t.relowner))) a where a.grantee <> 0
      ), holders as (
        select name, role from named
        union select h.name, m.member from holders h join pg_auth_members m on m.roleid = h.role
      )
      select distinct r.rolname as role, min(h.name) as "table" from holders h join pg_roles r on r.oid = h.role
      where r.rolsuper or r.rolbypassrls
      group by r.rolname`);
    const others = bypassing.filter((row) => row.role !== owner && row.role !== SYSTEM_ROLE);
    expect(others).toEqual([]);
  });

  it('no service table grants anything to PUBLIC, which every role of the cluster is', async () => {
    const open = await rows<{ name: string }>(sql`
      select n.nspname || '.' || c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace, aclexplode(c.relacl) a
      where n.nspname in ${inSchemas} and a.grantee = 0`);
    expect(open).toEqual([]);
  });

  it('the request role bypasses nothing, belongs to no role that does, and owns nothing', async () => {
    const [app] = await rows<{ superuser: boolean; bypassrls: boolean; login: boolean; privilegedRoles: string; owns: number }>(sql`
      select r.rolsuper as superuser, r.rolbypassrls as bypassrls, r.rolcanlogin as login,
        (select coalesce(string_agg(p.rolname, ', '), '') from pg_roles p where pg_has_role(r.oid, p.oid, 'MEMBER') and p.oid <> r.oid and (p.rolsuper or p.rolbypassrls)) as "privilegedRoles",
        (select count(*)::int from pg_class c where c.relowner = r.oid) + (select count(*)::int from pg_proc p where p.proowner = r.oid) as owns
      from pg_roles r where r.rolname = ${APP_ROLE}`);
    expect(app).toEqual({ superuser: false, bypassrls: false, login: false, privilegedRoles: '', owns: 0 });
  });

  it('tongxin_system bypasses RLS without being a superuser, and can log in to nothing', async () => {
    const [system] = await rows<Record<string, boolean>>(sql`
      select rolsuper as superuser, rolbypassrls as bypassrls, rolcanlogin as login from pg_roles where rolname = ${SYSTEM_ROLE}`);
    expect(system).toEqual({ superuser: false, bypassrls: true, login: false });
  });

  it('system work acts as tongxin_system on a server (on PGlite, as its one superuser session)', async () => {
    const actingAs = (await database.system.execute(sql`select current_user as name`)).rows[0]!.name;
    expect(actingAs).toBe(database.kind === 'postgres' ? SYSTEM_ROLE : owner);
  });
});

describe('SECURITY DEFINER functions', () => {
  it('every one in a service schema is owned by tongxin_system and fixes its search_path', async () => {
    const definers = await rows<{ name: string; owner: string; searchPath: string | null }>(sql`
      select n.nspname || '.' || p.proname as name, pg_get_userbyid(p.proowner) as owner,
        (select c from unnest(p.proconfig) c where c like 'search_path=%') as "searchPath"
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname in ${inSchemas} order by 1`);
    // tasks' claim functions at least (services/tasks/src/claims/*.sql, completions/submit-completion.sql).
    expect(definers.map((d) => d.name)).toEqual(expect.arrayContaining(['tasks.take_place', 'tasks.release_place', 'tasks.submit_completion']));
    for (const definer of definers) {
      expect(definer.owner, definer.name).toBe(SYSTEM_ROLE);
      expect(definer.searchPath, definer.name).toMatch(/^search_path=/);
    }
  });

  it('migrating again changes nothing and keeps them with tongxin_system', async () => {
    const { migrateAll } = await import('@tongxin/db');
    await migrateAll(database, serviceMigrations);
    const stray = await rows<{ name: string }>(sql`
      select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname in ${inSchemas} and pg_get_userbyid(p.proowner) <> ${SYSTEM_ROLE}`);
    expect(stray).toEqual([]);
  });
});
