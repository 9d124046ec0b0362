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

// The only writes one county makes to rows of another (issue 13 D). In each, the row names both
// counties, the other county acts only on it by UPDATE within its own scope, and a BEFORE
// UPDATE trigger keeps both counties of the row unchanged; an INSERT is the owning county's only.
const crossTenantWrites: Record<string, string> = {
  // The destination county accepts, returns or refuses a member's check-in (reporting checkins.decide).
  'reporting.checkins': 'dest_tenant_id',
  // The receiving county decides a transfer and names the receiving branch (roster transfers.decide).
  'roster.transfers': 'to_tenant_id',
};

// Tables whose writes are not tenant rows of one county at all, each with its reason (none).
const notCountyWrites: Record<string, string> = {};

/** `tenant_id = <the transaction's tenant>` as pg_policies prints it. */
const TENANT_PIN = /^tenant_id = \( SELECT NULLIF\(current_setting\('app\.tenant_id'::text, true\), ''::text\) AS "nullif"\)$/;

function stripParens(text: string): string {
  let s = text.trim();
  while (s.startsWith('(') && s.endsWith(')')) {
    let depth = 0;
    let wraps = true;
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '(') depth++;
      else if (s[i] === ')') depth--;
      if (depth === 0 && i < s.length - 1) {
        wraps = false;
        break;
      }
    }
    if (!wraps) break;
    s = s.slice(1, -1).trim();
  }
  return s;
}

/** The top-level AND (or OR) terms of a policy expression. */
function conjuncts(text: string, operator = ' AND '): string[] {
  const s = stripParens(text);
  const terms: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "'") quoted = !quoted;
    if (quoted) continue;
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && s.startsWith(operator, i)) {
      terms.push(s.slice(start, i));
      start = i + operator.length;
    }
  }
  terms.push(s.slice(start));
  return terms.map(stripParens);
}

/** The platform operator's transaction (identity's `operatorScope`), which sets no county. */
const OPERATOR = /^SELECT \(current_setting\('app\.operator'::text, true\) = 'on'::text\)$/;

/**
 * True when the expression only holds for rows of the transaction's tenant: `tenant_id =
 * current` is one of its AND terms. `operator OR (…pinned…)` counts too: the platform
 * operator invites a county's first staff (identity.invitations), a county's transaction never
 * sets app.operator.
 */
function pinsTenant(expression: string | null): boolean {
  if (expression === null) return false;
  if (conjuncts(expression).some((term) => TENANT_PIN.test(term))) return true;
  const either = conjuncts(expression, ' OR ');
  return either.length === 2 && OPERATOR.test(either[0]!) && pinsTenant(either[1]!);
}

interface PolicyRow {
  name: string;
  policyname: string;
  permissive: string;
  cmd: string;
  qual: string | null;
  with_check: string | null;
}

/**
 * The tables where an INSERT or UPDATE of `command` can write a row of another tenant, or (for
 * UPDATE, through USING) take one over by rewriting its tenant_id.
 */
function unpinnedWrites(policies: PolicyRow[], tables: string[], command: 'INSERT' | 'UPDATE'): string[] {
  const pinned = (applying: PolicyRow[], expression: (p: PolicyRow) => string | null) =>
    applying.some((p) => p.permissive === 'RESTRICTIVE' && pinsTenant(expression(p))) ||
    applying.filter((p) => p.permissive === 'PERMISSIVE').every((p) => pinsTenant(expression(p)));
  return tables.filter((table) => {
    const applying = policies.filter((p) => p.name === table && (p.cmd === command || p.cmd === 'ALL'));
    // The row a write leaves: WITH CHECK, or USING when a policy gives none.
    const check = (p: PolicyRow) => p.with_check ?? (command === 'UPDATE' || p.cmd === 'ALL' ? p.qual : null);
    if (!pinned(applying, check)) return true;
    // The rows an UPDATE may take: USING.
    return command === 'UPDATE' && !pinned(applying, (p) => p.qual);
  });
}

describe('writes to another tenant', () => {
  async function policies(): Promise<PolicyRow[]> {
    const result = await h.database.owner.execute(sql`
      select schemaname || '.' || tablename as name, policyname, permissive, cmd, qual, with_check from pg_policies`);
    return result.rows as unknown as PolicyRow[];
  }

  it("every INSERT policy of every tenant table requires the row's tenant_id to be the transaction's tenant", async () => {
    const all = await policies();
    const tables = tenantTables.filter((t) => !(t in notCountyWrites));
    expect(unpinnedWrites(all, tables, 'INSERT')).toEqual([]);
  });

  it("every UPDATE policy of every tenant table requires the row's tenant_id to be the transaction's tenant, except the documented cross-tenant writes", async () => {
    const all = await policies();
    const tables = tenantTables.filter((t) => !(t in notCountyWrites));
    expect(unpinnedWrites(all, tables, 'UPDATE')).toEqual(Object.keys(crossTenantWrites).sort());
    // Each documented one keeps both counties of its rows with a trigger.
    const triggers = await h.database.owner.execute(sql`
      select n.nspname || '.' || c.relname as name from pg_trigger g join pg_class c on c.oid = g.tgrelid
      join pg_namespace n on n.oid = c.relnamespace where not g.tgisinternal and g.tgname like '%tenants_fixed'`);
    expect(triggers.rows.map((r) => r.name).sort()).toEqual(Object.keys(crossTenantWrites).sort());
  });

  const A = '431023';
  const B = '431026';
  async function member(tenantId: string) {
    const result = await h.database.owner.execute(sql`
      select m.id, m.branch_id, o.path from roster.members m join roster.orgs o on o.tenant_id = m.tenant_id and o.id = m.branch_id
      where m.tenant_id = ${tenantId} limit 1`);
    const row = result.rows[0]!;
    return { id: row.id as string, branchId: row.branch_id as string, path: row.path as string };
  }
  async function refused(work: (tx: Parameters<Parameters<typeof tenantTransaction>[2]>[0]) => Promise<unknown>): Promise<string> {
    try {
      await tenantTransaction(h.database, { tenantId: B, tenantWide: true, userId: `sec-${B}` }, work);
    } catch (error) {
      return String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message);
    }
    return 'accepted';
  }
  const rls = /row-level security/;

  it("county B's tenant-wide transaction cannot insert a row of county A into reporting.checkins, roster.transfers or a checkins copy", async () => {
    const a = await member(A);
    const b = await member(B);
    const checkin = await refused((tx) =>
      tx.execute(sql`insert into reporting.checkins (tenant_id, member_id, user_id, org_path, dest_tenant_id, dest_org_id, dest_org_path, dest_org_name, status, grant_fields)
        values (${A}, ${a.id}, 'u-a', ${a.path}, ${B}, ${b.branchId}, ${b.path}, 'x', 'accepted', array['tasks'])`),
    );
    expect(checkin).toMatch(rls);
    const transfer = await refused((tx) =>
      tx.execute(sql`insert into roster.transfers (tenant_id, member_id, from_branch_id, from_path, to_tenant_id, to_org_id, status, requested_by, requested_by_role, ledger)
        values (${A}, ${a.id}, ${a.branchId}, ${a.path}, ${B}, ${b.branchId}, 'township_approved', 'u-a', 'member', '{}'::jsonb)`),
    );
    expect(transfer).toMatch(rls);
    for (const schema of ['tasks', 'scoring']) {
      const copy = await refused((tx) =>
        tx.execute(sql`insert into ${sql.raw(schema)}.checkins (tenant_id, member_id, checkin_id, dest_tenant_id, dest_org_id, dest_org_path)
          values (${A}, ${a.id}, gen_random_uuid(), ${B}, ${b.branchId}, ${b.path})`),
      );
      expect({ schema, copy }).toEqual({ schema, copy: expect.stringMatching(rls) });
    }
  });

  it("county B's tenant-wide transaction cannot move its rows to county A or rewrite county A's rows, and decides what county A sent it without moving it", async () => {
    const a = await member(A);
    const b = await member(B);
    const ids = { own: crypto.randomUUID(), sent: crypto.randomUUID(), transfer: crypto.randomUUID(), copy: crypto.randomUUID() };
    const owner = h.database.owner;
    await owner.execute(sql`insert into reporting.checkins (tenant_id, id, member_id, user_id, org_path, dest_tenant_id, dest_org_id, dest_org_path, dest_org_name, grant_fields) values
      (${B}, ${ids.own}, ${b.id}, 'u-b', ${b.path}, ${B}, ${b.branchId}, ${b.path}, 'x', array[]::text[]),
      (${A}, ${ids.sent}, ${a.id}, 'u-a', ${a.path}, ${B}, ${b.branchId}, ${b.path}, 'x', array[]::text[])`);
    await owner.execute(sql`insert into roster.transfers (tenant_id, id, member_id, from_branch_id, from_path, to_tenant_id, to_org_id, status, requested_by, requested_by_role, ledger) values
      (${A}, ${ids.transfer}, ${a.id}, ${a.branchId}, ${a.path}, ${B}, ${b.branchId}, 'township_approved', 'u-a', 'member', '{}'::jsonb)`);
    for (const schema of ['tasks', 'scoring']) {
      await owner.execute(sql`insert into ${sql.raw(schema)}.checkins (tenant_id, member_id, checkin_id, dest_tenant_id, dest_org_id, dest_org_path) values
        (${A}, ${a.id}, ${ids.copy}, ${B}, ${b.branchId}, ${b.path}), (${B}, ${b.id}, ${ids.copy}, ${A}, ${a.branchId}, ${a.path})`);
    }
    try {
      // Its own check-in moved to county A: refused (by the trigger, before the policy).
      expect(await refused((tx) => tx.execute(sql`update reporting.checkins set tenant_id = ${A} where id = ${ids.own}`))).toMatch(/keeps its member's|row-level security/);
      // County A's check-in to it: decided, but not moved to another county on either side.
      expect(await refused((tx) => tx.execute(sql`update reporting.checkins set status = 'accepted', grant_fields = array['tasks'] where id = ${ids.sent}`))).toBe('accepted');
      expect(await refused((tx) => tx.execute(sql`update reporting.checkins set tenant_id = ${B} where id = ${ids.sent}`))).toMatch(/keeps its member's/);
      expect(await refused((tx) => tx.execute(sql`update reporting.checkins set dest_tenant_id = '430000' where id = ${ids.sent}`))).toMatch(/keeps its member's/);
      // County A's transfer to it: decided, never moved.
      expect(await refused((tx) => tx.execute(sql`update roster.transfers set status = 'accepted' where id = ${ids.transfer}`))).toBe('accepted');
      expect(await refused((tx) => tx.execute(sql`update roster.transfers set tenant_id = ${B} where id = ${ids.transfer}`))).toMatch(/keeps its origin's/);
      expect(await refused((tx) => tx.execute(sql`update roster.transfers set to_tenant_id = '430000' where id = ${ids.transfer}`))).toMatch(/keeps its origin's/);
      for (const schema of ['tasks', 'scoring']) {
        // A copy of county A's member checked in to it: read only, neither rewritten nor taken
        // over as its own (the update finds no row).
        const rewritten = await tenantTransaction(h.database, { tenantId: B, tenantWide: true }, (tx) =>
          tx.execute(sql`update ${sql.raw(schema)}.checkins set dest_org_path = '/x/' where tenant_id = ${A} and member_id = ${a.id} returning member_id`),
        );
        expect({ schema, rewritten: rewritten.rows }).toEqual({ schema, rewritten: [] });
        const taken = await tenantTransaction(h.database, { tenantId: B, tenantWide: true }, (tx) =>
          tx.execute(sql`update ${sql.raw(schema)}.checkins set tenant_id = ${B} where tenant_id = ${A} and member_id = ${a.id} returning member_id`),
        );
        expect({ schema, taken: taken.rows }).toEqual({ schema, taken: [] });
        // Its own copy moved to county A.
        const moved = await refused((tx) => tx.execute(sql`update ${sql.raw(schema)}.checkins set tenant_id = ${A} where tenant_id = ${B} and member_id = ${b.id}`));
        expect({ schema, moved }).toEqual({ schema, moved: expect.stringMatching(rls) });
      }
      const kept = await owner.execute(sql`select tenant_id, dest_org_path from tasks.checkins where checkin_id = ${ids.copy} and member_id = ${a.id}`);
      expect(kept.rows).toEqual([{ tenant_id: A, dest_org_path: b.path }]);
    } finally {
      await owner.execute(sql`delete from reporting.checkins where id in (${ids.own}, ${ids.sent})`);
      await owner.execute(sql`delete from roster.transfers where id = ${ids.transfer}`);
      for (const schema of ['tasks', 'scoring']) await owner.execute(sql`delete from ${sql.raw(schema)}.checkins where checkin_id = ${ids.copy}`);
    }
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
