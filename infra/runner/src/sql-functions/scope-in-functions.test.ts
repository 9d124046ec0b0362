import { pathInScope, selectRows, type Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceMigrations } from '../services.ts';

// The org-subtree scope has one SQL predicate, pathInScope (packages/db/src/scope/). Policies
// and queries import it; a SECURITY DEFINER function (plpgsql, in its own .sql file) cannot,
// so it writes the predicate out. It must be pathInScope's text word for word, with the path
// it tests in place of the column: a function that reads the caller's org ids any other way
// (another split, a LIKE, strpos) fails here. A shared SQL function would need a schema and
// migrations outside every service's, which the platform does not have.

/** Each function that tests the caller's scope, and the path it tests (a plpgsql expression). */
const scopeTests: Record<string, string> = {
  'reporting.decide_checkin': 'v_row.dest_org_path',
  'reporting.end_checkin_as_destination': 'v_row.dest_org_path',
  'roster.record_dues_as_destination': 'g.grantee_org_path',
  'roster.repath_grantee_orgs': 'v_path',
  'roster.verify_certificate': 'o.path',
};

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
/** pathInScope as the policies get it, over `path`: its text, with no parameter. */
function pathInScopeText(path: string): string {
  const query = new PgDialect().sqlToQuery(pathInScope(sql.raw(path)));
  expect(query.params).toEqual([]);
  return squeeze(query.sql);
}

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase(serviceMigrations);
}, 120_000);
afterAll(() => database?.close());

describe('the SQL functions test the org scope with pathInScope', () => {
  it("every function that reads app.org_ids holds pathInScope's test on its path, and reads the ids nowhere else", async () => {
    const schemas = serviceMigrations.map((m) => m.schema);
    const functions = await selectRows<{ qualified: string; body: string }>(database.owner, sql`
      select n.nspname || '.' || p.proname as qualified, p.prosrc as body
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in (${sql.join(schemas.map((s) => sql`${s}`), sql`, `)}) and p.prosrc like '%app.org_ids%'
      order by 1`);
    expect(functions.map((f) => f.qualified)).toEqual(Object.keys(scopeTests).sort());
    for (const { qualified, body } of functions) {
      const predicate = pathInScopeText(scopeTests[qualified]!);
      expect(squeeze(body), qualified).toContain(predicate);
      expect(squeeze(body).replaceAll(predicate, ''), qualified).not.toContain('app.org_ids');
    }
  });
});
