import type { RoleGrant } from '@tongxin/auth';
import { tenantTransaction } from '@tongxin/db';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformHarness } from './testing/platform-harness.ts';

let h: ServiceHarness;
let tenantTables: string[];
beforeAll(async () => {
  h = await createPlatformHarness({ members: 150 });
  const result = await h.database.owner.execute(sql`
    select c.table_schema || '.' || c.table_name as name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.column_name = 'tenant_id' and c.table_schema not in ('pg_catalog', 'information_schema')
    order by 1`);
  tenantTables = result.rows.map((r) => r.name as string);
});
afterAll(() => h.close());

describe('the catalog', () => {
  it('every table with a tenant_id has RLS enabled and forced, and a policy', async () => {
    const result = await h.database.owner.execute(sql`
      select n.nspname || '.' || c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`);
    const unprotected = result.rows.filter((r) => !r.enabled || !r.forced || (r.policies as number) < 1).map((r) => r.name);
    expect(result.rows.length).toBe(tenantTables.length);
    expect(tenantTables.length).toBeGreaterThanOrEqual(14);
    expect(unprotected).toEqual([]);
  });

  it('tenant_id comes first in the primary key of every tenant table', async () => {
    const result = await h.database.owner.execute(sql`
      select n.nspname || '.' || c.relname as name, a.attname as first
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.conkey[1]
      where k.contype = 'p'`);
    const firstColumn = new Map(result.rows.map((r) => [r.name as string, r.first as string]));
    expect(tenantTables.filter((t) => firstColumn.get(t) !== 'tenant_id')).toEqual([]);
  });

  it('every foreign key between tenant tables starts with tenant_id', async () => {
    const result = await h.database.owner.execute(sql`
      select k.conname as name, a.attname as first from pg_constraint k
      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
      where k.contype = 'f' and k.connamespace in (select oid from pg_namespace where nspname in ('identity', 'roster', 'reporting', 'tasks', 'scoring'))`);
    expect(result.rows.filter((r) => r.first !== 'tenant_id').map((r) => r.name)).toEqual([]);
  });
});

describe('isolation between tenants', () => {
  async function rootOrg(tenantId: string): Promise<string> {
    const result = await h.database.owner.execute(sql`select id from roster.orgs where tenant_id = ${tenantId} and kind = 'department'`);
    return result.rows[0]!.id as string;
  }
  async function memberIds(tenantId: string): Promise<Set<string>> {
    const result = await h.database.owner.execute(sql`select id from roster.members where tenant_id = ${tenantId}`);
    return new Set(result.rows.map((r) => r.id as string));
  }

  it('1,000 requests alternating between two tenants each see only their own tenant', async () => {
    const tenants = ['431023', '431026'];
    const callers = await Promise.all(
      tenants.map(async (tenantId) => ({
        tenantId,
        as: { tenantId, userId: `sec-${tenantId}`, roles: [{ role: 'secretary', orgId: await rootOrg(tenantId) }] as RoleGrant[] },
        own: await memberIds(tenantId),
      })),
    );
    let next = 0;
    let leaks = 0;
    let seen = 0;
    const worker = async () => {
      while (next < 1000) {
        const i = next++;
        const caller = callers[i % 2]!;
        const result = await h.query('/api/roster/trpc/members.list', { as: caller.as, input: { page: 1 + (i % 3), pageSize: 50 } });
        expect(result.status).toBe(200);
        for (const item of result.data.items as { id: string }[]) {
          seen++;
          if (!caller.own.has(item.id)) leaks++;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(seen).toBeGreaterThan(10_000);
    expect(leaks).toBe(0);
  });

  // The tables every county reads: the directory of departments and flow organizations
  // (names, places and tree paths, no people), so a member can find a destination and a county can
  // address a transfer; the ids of closed orgs, so a check-in to one is refused; and
  // reporting's copy of every county's orgs, which a check-in reads its destination's path and
  // name from (issue 13). Their columns are pinned here so no personal field slips in.
  const sharedTables = ['roster.org_directory', 'reporting.closed_orgs', 'reporting.org_directory'];

  it('the shared directory holds org names and places only, and each county writes only its own entries', async () => {
    const columns = await h.database.owner.execute(sql`select column_name from information_schema.columns
      where table_schema = 'roster' and table_name = 'org_directory' order by ordinal_position`);
    expect(columns.rows.map((r) => r.column_name)).toEqual(['tenant_id', 'org_id', 'kind', 'name', 'province', 'city', 'closed_at', 'path']);
    const closed = await h.database.owner.execute(sql`select column_name from information_schema.columns
      where table_schema = 'reporting' and table_name = 'closed_orgs' order by ordinal_position`);
    expect(closed.rows.map((r) => r.column_name)).toEqual(['tenant_id', 'org_id', 'closed_at']);
    const copied = await h.database.owner.execute(sql`select column_name from information_schema.columns
      where table_schema = 'reporting' and table_name = 'org_directory' order by ordinal_position`);
    expect(copied.rows.map((r) => r.column_name)).toEqual(['tenant_id', 'org_id', 'name', 'path', 'closed_at']);
    for (const table of ['roster.org_directory', 'reporting.org_directory']) {
      const changed = await tenantTransaction(h.database, { tenantId: '431023', tenantWide: true }, (tx) =>
        tx.execute(sql`update ${sql.raw(table)} set name = 'x' where tenant_id = '431026' returning org_id`),
      );
      expect({ table, changed: changed.rows }).toEqual({ table, changed: [] });
    }
  });

  it("in every tenant table, a tenant's transaction sees 0 rows of the other tenant", async () => {
    for (const [mine, other] of [['431023', '431026'], ['431026', '431023']] as const) {
      await tenantTransaction(h.database, { tenantId: mine, tenantWide: true }, async (tx) => {
        for (const table of tenantTables.filter((t) => !sharedTables.includes(t))) {
          const result = await tx.execute(sql`select count(*)::int as n from ${sql.raw(table)} where tenant_id = ${other}`);
          expect({ table, n: result.rows[0]!.n }).toEqual({ table, n: 0 });
        }
      });
    }
  });

  it('a transaction that sets no tenant sees 0 tenant rows in every table', async () => {
    await tenantTransaction(h.database, { tenantId: null, tenantWide: true }, async (tx) => {
      for (const table of tenantTables) {
        const result = await tx.execute(sql`select count(*)::int as n from ${sql.raw(table)}`);
        expect({ table, n: result.rows[0]!.n }).toEqual({ table, n: 0 });
      }
    });
  });
});
