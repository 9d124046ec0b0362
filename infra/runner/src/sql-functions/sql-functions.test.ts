import { selectRows, type Database, type Tx } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceMigrations } from '../services.ts';
import { readFunctionFiles, type FunctionFile } from './function-files.ts';

// Each SQL function has one current source, its file (function-files.ts), and the migrations
// are generated from it (`npm run sql-function`). A database migrated the way every deployment
// is must hold exactly the files' functions: an edited file without its migration, a
// migration without its file, or a function without a file each fail here.
const schemas = serviceMigrations.map((m) => m.schema);
let database: Database;
let files: FunctionFile[];
beforeAll(async () => {
  database = await createTestDatabase(serviceMigrations);
  files = readFunctionFiles();
}, 120_000);
afterAll(() => database?.close());

interface HeldFunction {
  oid: number;
  qualified: string;
  signature: string;
  definition: string;
  owner: string;
  /** Who may execute it ("PUBLIC" or a role), the owner included. */
  executors: string;
}

/** The functions of the service schemas as the database holds them (trigger functions too). */
const heldFunctions = (db: Tx | Database['owner']) =>
  selectRows<HeldFunction>(db, sql`
    select p.oid::int as oid, n.nspname || '.' || p.proname as qualified,
      n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as signature,
      pg_get_functiondef(p.oid) as definition, pg_get_userbyid(p.proowner) as owner,
      (select string_agg(e.executor, ' ' order by e.executor) from (
        select case when a.grantee = 0 then 'PUBLIC' else pg_get_userbyid(a.grantee) end || ':' || a.privilege_type as executor
        from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a) e) as executors
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in (${sql.join(schemas.map((s) => sql`${s}`), sql`, `)}) and p.prokind = 'f'
    order by 2, 3`);

/** Whitespace is layout: a file reflowed needs no migration. */
const normalized = (f: HeldFunction) => ({ signature: f.signature, definition: f.definition.replace(/\s+/g, ' ').trim(), executors: f.executors });

class Undo extends Error {}

/**
 * What the function of `file` becomes when its file runs on the migrated database, as a
 * fresh function would (its grants back to a new function's, PUBLIC may execute), in a
 * transaction that is then rolled back; also any function the file made that was not there.
 */
async function afterRunning(file: FunctionFile): Promise<{ changed: string[] } | { error: string }> {
  let changed: string[] = [];
  try {
    await database.owner.transaction(async (tx) => {
      const before = await heldFunctions(tx);
      for (const held of before.filter((f) => f.qualified === `${file.schema}.${file.name}`)) {
        for (const grantee of held.executors.split(' ').map((e) => e.split(':')[0]!).filter((g) => g !== held.owner)) {
          const role = grantee === 'PUBLIC' ? sql.raw('public') : sql.identifier(grantee);
          await tx.execute(sql`revoke all on function ${sql.raw(held.signature)} from ${role}`);
        }
        await tx.execute(sql`grant execute on function ${sql.raw(held.signature)} to public`);
      }
      for (const statement of file.statements) await tx.execute(sql.raw(statement));
      const after = await heldFunctions(tx);
      const was = new Map(before.map((f) => [f.oid, normalized(f)]));
      changed = after.flatMap((f) => {
        const now = normalized(f);
        const then = was.get(f.oid);
        if (!then) return [`${now.signature}: new`];
        if (then.definition !== now.definition) return [`${now.signature}: its definition`];
        if (then.executors !== now.executors) return [`${now.signature}: executed by ${now.executors}, not ${then.executors}`];
        return [];
      });
      throw new Undo();
    });
  } catch (error) {
    if (!(error instanceof Undo)) return { error: (error as Error).message };
  }
  return { changed };
}

describe('SQL functions have one current source', () => {
  it('every function of the service schemas has its file', async () => {
    const held = await heldFunctions(database.owner);
    const filed = new Set(files.map((f) => `${f.schema}.${f.name}`));
    expect(held.length).toBeGreaterThanOrEqual(13);
    expect(held.filter((f) => !filed.has(f.qualified)).map((f) => f.signature)).toEqual([]);
  });

  it('no function has a second signature: a file holds one, and one left behind would go unchecked', async () => {
    // CREATE OR REPLACE with other arguments adds an overload beside the old function; a
    // migration that changes a signature drops the old one first.
    const held = await heldFunctions(database.owner);
    const overloaded = held.filter((f) => held.some((g) => g.qualified === f.qualified && g.oid !== f.oid));
    expect(overloaded.map((f) => f.signature)).toEqual([]);
  });

  it('every file is of a function the database holds', async () => {
    const held = new Set((await heldFunctions(database.owner)).map((f) => f.qualified));
    expect(files.filter((f) => !held.has(`${f.schema}.${f.name}`)).map((f) => f.path)).toEqual([]);
  });

  it("running a file changes nothing in the migrated database: its definition and grants are the database's", async () => {
    const differing: Record<string, unknown> = {};
    for (const file of files) {
      const result = await afterRunning(file);
      if ('error' in result || result.changed.length > 0) differing[file.path] = result;
    }
    expect(differing).toEqual({});
  });
});
