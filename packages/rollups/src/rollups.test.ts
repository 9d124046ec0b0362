import { APP_ROLE, SYSTEM_ROLE, tenantTransaction, type Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { boolean, pgSchema, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRollup } from './read-rollup.ts';
import { markMonths, rebuildRollups, refreshRollups, type RollupSpec } from './refresh.ts';
import { rollupTables } from './tables.ts';

// A service of its own for the test: `demo.items` (an org path, a month, a number) and the
// three rollup tables, as drizzle-kit would create them, with forced RLS.
const demo = pgSchema('rollup_demo');
// The grants copy the city read policy names (`@tongxin/copies`' `cityGrantCopyTable` in a service).
const cityGrants = demo.table('city_grants', { tenantId: text('tenant_id').notNull(), cityId: text('city_id').notNull(), standing: boolean('standing').notNull() });
const tables = rollupTables(demo, cityGrants);
const spec: RollupSpec = {
  tables,
  leaves: (tenantId, window) => sql`
    select org_path, 'items', count(*) from rollup_demo.items where tenant_id = ${tenantId} and month = ${window.month} group by org_path
    union all
    select org_path, 'size:' || size, sum(n) from rollup_demo.items where tenant_id = ${tenantId} and month = ${window.month} group by org_path, size`,
  currentOnly: ['size:'],
};

const [county, town1, town2, branch1, branch2, branch3] = Array.from({ length: 6 }, () => crypto.randomUUID()) as [string, string, string, string, string, string];
const path = (...ids: string[]) => `/${ids.join('/')}/`;
const now = new Date('2026-06-15T04:00:00Z');

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase([]);
  const statements = [
    `create schema rollup_demo`,
    `create table rollup_demo.items (tenant_id text not null, org_path text not null, month text not null, size text not null, n int not null)`,
    `create table rollup_demo.rollups (tenant_id text not null, month text not null, org_id uuid not null, parent_id uuid, org_path text not null, figure text not null, value double precision not null, primary key (tenant_id, org_id, month, figure))`,
    `create table rollup_demo.rollup_marks (tenant_id text not null, month text not null, marked_at timestamptz not null default now(), marked_by bigint not null default (pg_current_xact_id()::text::bigint), primary key (tenant_id, month, marked_by))`,
    `create table rollup_demo.rollup_months (tenant_id text not null, month text not null, refreshed_at timestamptz not null, primary key (tenant_id, month))`,
    `alter table rollup_demo.rollups enable row level security`,
    `alter table rollup_demo.rollups force row level security`,
    `create policy tenant_isolation on rollup_demo.rollups as restrictive for all using (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')))`,
    `create policy rollup_scope on rollup_demo.rollups as permissive for select using ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in org_path) > 0))`,
    `alter table rollup_demo.rollup_marks enable row level security`,
    `alter table rollup_demo.rollup_marks force row level security`,
    `create policy tenant_isolation on rollup_demo.rollup_marks as restrictive for all using (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) with check (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')))`,
    `create policy mark_insert on rollup_demo.rollup_marks as permissive for insert with check (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')))`,
    `create policy mark_read on rollup_demo.rollup_marks as permissive for select using (true)`,
    `alter table rollup_demo.rollup_months enable row level security`,
    `alter table rollup_demo.rollup_months force row level security`,
    `create policy tenant_isolation on rollup_demo.rollup_months as restrictive for all using (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')))`,
    `create policy months_read on rollup_demo.rollup_months as permissive for select using (true)`,
    `grant usage on schema rollup_demo to ${APP_ROLE}`,
    `grant select, insert, update, delete on all tables in schema rollup_demo to ${APP_ROLE}`,
    // On a server the refresh's connection is tongxin_system (not the owner), as in every service.
    `grant usage on schema rollup_demo to ${SYSTEM_ROLE}`,
    `grant all on all tables in schema rollup_demo to ${SYSTEM_ROLE}`,
  ];
  for (const statement of statements) await database.owner.execute(sql.raw(statement));
  const item = (tenant: string, orgPath: string, month: string, size: string, n: number) => sql`(${tenant}, ${orgPath}, ${month}, ${size}, ${n})`;
  await database.system.execute(sql`insert into rollup_demo.items values ${sql.join(
    [
      item('t1', path(county, town1, branch1), '2026-06', 'big', 5),
      item('t1', path(county, town1, branch1), '2026-06', 'small', 1),
      item('t1', path(county, town1, branch2), '2026-06', 'big', 2),
      item('t1', path(county, town2, branch3), '2026-06', 'small', 7),
      item('t1', path(county, town2, branch3), '2026-05', 'small', 3),
      item('t1', path(county, town1), '2026-06', 'big', 1),
      item('t2', path(county, town1, branch1), '2026-06', 'big', 100),
    ],
    sql`, `,
  )}`);
});
afterAll(() => database?.close());

const asDepartment = (tenantId = 't1') => ({ tenantId, userId: 'u1', tenantWide: true });
const read = (scope: { tenantId: string; orgIds?: string[]; tenantWide?: boolean }, org: string | null, department: boolean, month = '2026-06') =>
  tenantTransaction(database, scope, (tx) => readRollup(tx, tables, { tenantId: scope.tenantId, org: org ? { path: org } : null, department, month, months: 12, now }));

describe('rollups', () => {
  it('adds each leaf up over every ancestor on its path: the county, a township and a branch hold their subtrees', async () => {
    await rebuildRollups(database.system, spec, 't1', ['2026-05', '2026-06'], () => now);
    const county1 = await read(asDepartment(), null, true);
    expect(county1.org).toEqual({ id: county, parentId: null });
    expect(county1.figures).toEqual({ items: 5, 'size:big': 8, 'size:small': 8 });
    // size: is current-only: May, a past month when rebuilt, has none.
    expect(county1.previous).toEqual({ items: 1 });
    expect(county1.trend).toHaveLength(12);
    expect(county1.trend.at(-2)).toEqual({ month: '2026-05', figures: { items: 1 } });
    expect(county1.children.map((c) => [c.org.id, c.figures.items]).sort()).toEqual([[town1, 4], [town2, 1]].sort());
    const township = await read(asDepartment(), path(county, town1), true);
    expect(township.figures).toEqual({ items: 4, 'size:big': 8, 'size:small': 1 });
    expect(township.children.map((c) => c.org.id).sort()).toEqual([branch1, branch2].sort());
    expect(county1.asOf).toBe(now.toISOString());
    expect(county1.behind).toBe(false);
  });

  it('shows a secretary their subtree only and refuses the county to anyone but the department', async () => {
    const secretary = { tenantId: 't1', userId: 'u2', orgIds: [town2] };
    expect((await read(secretary, path(county, town2), false)).figures.items).toBe(1);
    // Rows above or beside the secretary's org are not theirs to read, whatever they ask.
    expect((await read(secretary, path(county, town1), false)).figures).toEqual({});
    await expect(read(secretary, null, false)).rejects.toMatchObject({ code: 'role_required' });
    await expect(read(asDepartment(), null, true, '2026-07')).rejects.toMatchObject({ code: 'future_month', field: 'month' });
    // Another county sees its own figures only.
    await rebuildRollups(database.system, spec, 't2', ['2026-06'], () => now);
    expect((await read(asDepartment('t2'), null, true)).figures).toEqual({ items: 1, 'size:big': 100 });
  });

  it('takes marked months, keeps a past month’s current-only figures, and says when it is behind', async () => {
    await database.system.execute(sql`insert into rollup_demo.items values ('t1', ${path(county, town2, branch3)}, '2026-05', 'big', 9)`);
    // A mark written by a tenant's own transaction, as the trigger does.
    await tenantTransaction(database, asDepartment(), (tx) => markMonths(tx, spec, 't1', ['2026-05']));
    await tenantTransaction(database, asDepartment(), (tx) => markMonths(tx, spec, 't1', ['2026-05']));
    const later = new Date(now.getTime() + 61_000);
    await database.system.execute(sql`update rollup_demo.rollup_marks set marked_at = ${now}`);
    expect((await tenantTransaction(database, asDepartment(), (tx) => readRollup(tx, tables, { tenantId: 't1', org: null, department: true, month: '2026-05', months: 12, now: later }))).behind).toBe(true);
    expect(await refreshRollups(database.system, spec, () => later)).toBe(1);
    expect(await refreshRollups(database.system, spec, () => later)).toBe(0);
    const may = await tenantTransaction(database, asDepartment(), (tx) => readRollup(tx, tables, { tenantId: 't1', org: null, department: true, month: '2026-05', months: 12, now: later }));
    // items counted anew; size: stays as it was (none).
    expect(may.figures).toEqual({ items: 2 });
    expect(may.behind).toBe(false);
  });

  it('with markedBefore, takes only what was marked before then: later marks wait for the next tick', async () => {
    const tickStarted = new Date('2026-06-10T00:00:00Z');
    await tenantTransaction(database, asDepartment(), (tx) => markMonths(tx, spec, 't1', ['2026-03']));
    await tenantTransaction(database, asDepartment(), (tx) => markMonths(tx, spec, 't1', ['2026-02']));
    await database.system.execute(sql`update rollup_demo.rollup_marks set marked_at = ${new Date(tickStarted.getTime() - 1000)} where month = '2026-03'`);
    await database.system.execute(sql`update rollup_demo.rollup_marks set marked_at = ${new Date(tickStarted.getTime() + 1000)} where month = '2026-02'`);
    expect(await refreshRollups(database.system, spec, () => now, 100, tickStarted)).toBe(1);
    expect(await refreshRollups(database.system, spec, () => now, 100, tickStarted)).toBe(0);
    const left = await database.system.execute(sql`select month from rollup_demo.rollup_marks`);
    expect(left.rows).toEqual([{ month: '2026-02' }]);
    expect(await refreshRollups(database.system, spec, () => now)).toBe(1);
  });

  it('a month that fails keeps its marks and does not hold back the others', async () => {
    const broken: RollupSpec = { ...spec, leaves: (tenantId, window) => (window.month === '2026-01' ? sql`select 'x', 'items', 1 / 0` : spec.leaves(tenantId, window)) };
    await tenantTransaction(database, asDepartment(), (tx) => markMonths(tx, spec, 't1', ['2026-01']));
    await database.system.execute(sql`update rollup_demo.rollup_marks set marked_at = marked_at - interval '1 hour' where month = '2026-01'`);
    await tenantTransaction(database, asDepartment(), (tx) => markMonths(tx, spec, 't1', ['2025-12']));
    await expect(refreshRollups(database.system, broken, () => now)).rejects.toThrow();
    const left = await database.system.execute(sql`select month from rollup_demo.rollup_marks`);
    expect(left.rows).toEqual([{ month: '2026-01' }]);
    expect(await refreshRollups(database.system, spec, () => now)).toBe(1);
  });

  // Two connections at once: a server only (PGlite has one).
  it.skipIf(database?.driver === 'pglite' || process.env.TEST_DB_DRIVER === undefined || process.env.TEST_DB_DRIVER === 'pglite')(
    'a write marking a month never waits on its refresh, and a change committed during the refresh is taken next time',
    async () => {
      // The same rollup with a recompute slow enough to write during it.
      const slow: RollupSpec = { ...spec, leaves: (tenantId, window) => sql`select leaf.* from pg_sleep(1.5), (${spec.leaves(tenantId, window)}) as leaf` };
      const write = (size: string) =>
        tenantTransaction(database, asDepartment(), async (tx) => {
          await tx.execute(sql`insert into rollup_demo.items values ('t1', ${path(county, town1, branch1)}, '2026-04', ${size}, 1)`);
          await markMonths(tx, spec, 't1', ['2026-04']);
        }, 'write');
      await write('big');
      let refreshed = false;
      const refresh = refreshRollups(database.system, slow, () => now).then((n) => ((refreshed = true), n));
      await new Promise((r) => setTimeout(r, 500));
      await write('small');
      // Before the fix the refresh held the month's one mark deleted for its whole recompute,
      // and this write's mark (INSERT … ON CONFLICT) waited for it.
      expect(refreshed).toBe(false);
      expect(await refresh).toBe(1);
      const april = () => tenantTransaction(database, asDepartment(), (tx) => readRollup(tx, tables, { tenantId: 't1', org: null, department: true, month: '2026-04', months: 12, now }));
      // The refresh counted what its snapshot saw; the later write kept its mark.
      expect((await april()).figures).toEqual({ items: 1 });
      expect(await refreshRollups(database.system, spec, () => now)).toBe(1);
      expect((await april()).figures).toEqual({ items: 2 });
      expect(await refreshRollups(database.system, spec, () => now)).toBe(0);
    },
  );
});
