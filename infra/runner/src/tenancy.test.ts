import type { RoleGrant } from '@tongxin/auth';
import { tenantTransaction } from '@tongxin/db';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql, type SQL } from 'drizzle-orm';
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

// Tables whose writes are not tenant rows of one county at all, each with its reason (none).
// No table is excepted for the other county's decisions either: the destination of a check-in
// and the receiving county of a transfer write them only through the SECURITY DEFINER functions
// registered below (issue 13 D).
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
 * The tables where a write of `command` can reach a row of another tenant: an INSERT or UPDATE
 * that leaves one (WITH CHECK), an UPDATE that takes one over by rewriting its tenant_id or a
 * DELETE that removes one (USING). No policy for the command at all refuses it, which counts
 * as pinned.
 */
function unpinnedWrites(policies: PolicyRow[], tables: string[], command: 'INSERT' | 'UPDATE' | 'DELETE'): string[] {
  const pinned = (applying: PolicyRow[], expression: (p: PolicyRow) => string | null) =>
    applying.some((p) => p.permissive === 'RESTRICTIVE' && pinsTenant(expression(p))) ||
    applying.filter((p) => p.permissive === 'PERMISSIVE').every((p) => pinsTenant(expression(p)));
  return tables.filter((table) => {
    const applying = policies.filter((p) => p.name === table && (p.cmd === command || p.cmd === 'ALL'));
    // The rows an UPDATE or DELETE may take: USING.
    const taken = command !== 'INSERT' && !pinned(applying, (p) => p.qual);
    if (command === 'DELETE') return taken;
    // The row a write leaves: WITH CHECK, or USING when a policy gives none.
    const check = (p: PolicyRow) => p.with_check ?? (command === 'UPDATE' || p.cmd === 'ALL' ? p.qual : null);
    return !pinned(applying, check) || taken;
  });
}

const A = '431023';
const B = '431026';
/** A county with no rows here: a third county's transaction. */
const C = '431099';

type AppTx = Parameters<Parameters<typeof tenantTransaction>[2]>[0];
type TxScope = Parameters<typeof tenantTransaction>[1];

/** What a write answered: its rows, or the SQLSTATE and message it failed with. */
async function attempt(scope: TxScope, work: (tx: AppTx) => Promise<{ rows: unknown[] }>): Promise<{ rows: unknown[] } | { error: string; message: string }> {
  try {
    return { rows: (await tenantTransaction(h.database, scope, work)).rows };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? (error as { code?: string; message?: string });
    return { error: String(cause.code ?? 'unknown'), message: String(cause.message ?? error) };
  }
}

async function member(tenantId: string, notUnder?: string) {
  const result = await h.database.owner.execute(sql`
    select m.id, m.branch_id, o.path from roster.members m join roster.orgs o on o.tenant_id = m.tenant_id and o.id = m.branch_id
    where m.tenant_id = ${tenantId} and (${notUnder ?? null}::text is null or position(m.branch_id::text in ${notUnder ?? ''}) = 0)
    order by m.id limit 1`);
  const row = result.rows[0]!;
  return { id: row.id as string, branchId: row.branch_id as string, path: row.path as string };
}

/**
 * Rows of county A addressed to county B, as the owning county writes them: a pending check-in
 * of A's member with B's branch, a transfer of A's member to B that A's township approved, and a
 * task of A's branch with a claim by its member (tasks' functions). Cleared by `clear`.
 */
async function crossCountyRows() {
  const owner = h.database.owner;
  const a = await member(A);
  const a2 = await member(A, a.path);
  const b = await member(B);
  const bOther = (await owner.execute(sql`select id from roster.orgs where tenant_id = ${B} and position('/' || id::text || '/' in ${b.path}) = 0 limit 1`)).rows[0]!.id as string;
  const bDepartment = (await owner.execute(sql`select id from roster.orgs where tenant_id = ${B} and kind = 'department'`)).rows[0]!.id as string;
  const ids = { checkin: crypto.randomUUID(), transfer: crypto.randomUUID(), task: crypto.randomUUID() };
  const users = { x: `catalog-x-${ids.task}`, y: `catalog-y-${ids.task}`, z: `catalog-z-${ids.task}` };
  await owner.execute(sql`insert into reporting.checkins (tenant_id, id, member_id, user_id, org_path, dest_tenant_id, dest_org_id, dest_org_path, dest_org_name, grant_fields)
    values (${A}, ${ids.checkin}, ${a.id}, 'u-a', ${a.path}, ${B}, ${b.branchId}, ${b.path}, 'x', array['destinationCity'])`);
  await owner.execute(sql`insert into roster.transfers (tenant_id, id, member_id, from_branch_id, from_path, to_tenant_id, to_org_id, status, requested_by, requested_by_role, steps, ledger)
    values (${A}, ${ids.transfer}, ${a.id}, ${a.branchId}, ${a.path}, ${B}, ${bDepartment}, 'township_approved', 'u-a', 'member',
      '[{"step":"requested","by":"u-a","at":"2026-11-01T00:00:00.000Z"},{"step":"township_approved","by":"dep","at":"2026-11-02T00:00:00.000Z"}]'::jsonb,
      '{"name":"李明","phone":"13800001111","fromTenantId":"431023","fromBranch":"x","fromTownship":"y"}'::jsonb)`);
  // Members as tasks copies them: X of the task's branch, Y of another branch of A, Z of county B.
  await owner.execute(sql`insert into tasks.members (tenant_id, member_id, user_id, name, branch_id, org_path, status) values
    (${A}, gen_random_uuid(), ${users.x}, 'X', ${a.branchId}, ${a.path}, 'resident'),
    (${A}, gen_random_uuid(), ${users.y}, 'Y', ${a2.branchId}, ${a2.path}, 'resident'),
    (${B}, gen_random_uuid(), ${users.z}, 'Z', ${b.branchId}, ${b.path}, 'resident')`);
  await owner.execute(sql`insert into tasks.tasks (tenant_id, id, org_id, org_path, org_name, kind, title, description, quota, deadline, visibility, evidence, points, status, published_by, idempotency_key)
    values (${A}, ${ids.task}, ${a.branchId}, ${a.path}, 'x', 'volunteer', '志愿服务', '周末', 5, now() + interval '10 days', 'org',
      '{"photo":"none","text":true,"number":false}'::jsonb, 1, 'published', 'catalog', ${ids.task})`);
  // Issue 17: A's member checked in with B's branch (a live grant), with a dues schedule and a
  // valid certificate, so B may record their dues; A's other member's grant to B is revoked.
  const aUser = ((await owner.execute(sql`select user_id from roster.members where tenant_id = ${A} and id = ${a.id}`)).rows[0]!.user_id as string | null) ?? null;
  await owner.execute(sql`update roster.members set user_id = ${`catalog-a-${ids.task}`} where tenant_id = ${A} and id = ${a.id}`);
  await owner.execute(sql`insert into roster.dues_members (tenant_id, member_id, schedule, band, monthly_due_fen, due_from, set_by)
    values (${A}, ${a.id}, 'monthly', 'upto_3000', 150, '2026-01', 'catalog')`);
  await owner.execute(sql`insert into roster.certificates (tenant_id, number, year, seq, member_id, holder_name, branch_id, branch_name, county_name,
      issuer_org_id, issuer_name, left_on, issued_on, valid_until, destination_city, issued_by, idempotency_key)
    values (${A}, ${`catalog-${ids.task}`}, 2099, 1, ${a.id}, 'x', ${a.branchId}, 'x', 'x', ${a.branchId}, 'x', '2026-01-01', '2026-01-01', '2999-01-01', 'x', 'catalog', ${`catalog-${ids.task}`})`);
  await owner.execute(sql`insert into roster.ledger_grants (tenant_id, member_id, checkin_id, grantee_tenant_id, grantee_org_id, grantee_org_path, fields, data, granted_by, granted_at, revoked_at)
    values (${A}, ${a.id}, gen_random_uuid(), ${B}, ${b.branchId}, ${b.path}, array['destinationCity'], '{}'::jsonb, 'catalog', now(), null),
      (${A}, ${a2.id}, gen_random_uuid(), ${B}, ${b.branchId}, ${b.path}, array['destinationCity'], '{}'::jsonb, 'catalog', now(), now())`);

  // X claims it, as claim-task.ts does: the claim the other members' calls must not touch.
  const taken = await tenantTransaction(h.database, { tenantId: A, userId: users.x }, (tx) =>
    tx.execute(sql`select claim, refusal from tasks.take_place(${ids.task}::uuid, 'catalog-claim', now())`));
  expect(taken.rows).toEqual([{ claim: expect.any(String), refusal: null }]);
  const claim = taken.rows[0]!.claim as string;

  const state = async () =>
    (await owner.execute(sql`select
      (select row(tenant_id, dest_tenant_id, status, dest_org_path, decided_by, ended_by)::text from reporting.checkins where id = ${ids.checkin}) as checkin,
      (select row(tenant_id, to_tenant_id, status, to_path, new_member_id, jsonb_array_length(steps), ledger ? 'phone')::text from roster.transfers where id = ${ids.transfer}) as transfer,
      (select row(status, withdrawn_at)::text from tasks.claims where id = ${claim}) as claim,
      (select count(*)::int from tasks.completions where claim_id = ${claim}) as completions,
      (select claimed_count from tasks.tasks where id = ${ids.task}) as claimed,
      (select count(*)::int from roster.dues_payments where tenant_id = ${A} and member_id in (${a.id}, ${a2.id})) as dues`)).rows[0];
  const clear = async () => {
    await owner.execute(sql`delete from reporting.checkins where id = ${ids.checkin}`);
    await owner.execute(sql`delete from roster.transfers where id = ${ids.transfer}`);
    await owner.execute(sql`delete from tasks.completions where claim_id = ${claim}`);
    await owner.execute(sql`delete from tasks.claims where task_id = ${ids.task}`);
    await owner.execute(sql`delete from tasks.outbox where payload ->> 'taskId' = ${ids.task}`);
    await owner.execute(sql`delete from tasks.tasks where id = ${ids.task}`);
    await owner.execute(sql`delete from tasks.members where user_id in (${users.x}, ${users.y}, ${users.z})`);
    await owner.execute(sql`delete from roster.dues_payments where tenant_id = ${A} and member_id = ${a.id}`);
    await owner.execute(sql`delete from roster.dues_members where tenant_id = ${A} and member_id = ${a.id}`);
    await owner.execute(sql`delete from roster.certificates where tenant_id = ${A} and idempotency_key = ${`catalog-${ids.task}`}`);
    await owner.execute(sql`delete from roster.ledger_grants where tenant_id = ${A} and member_id in (${a.id}, ${a2.id}) and granted_by = 'catalog'`);
    await owner.execute(sql`update roster.members set user_id = ${aUser} where tenant_id = ${A} and id = ${a.id}`);
  };
  return { a, a2, b, bOther, ids: { ...ids, claim }, users: { ...users, a: `catalog-a-${ids.task}` }, state, clear };
}
type CrossCountyRows = Awaited<ReturnType<typeof crossCountyRows>>;

/**
 * A call that a wrong caller makes, and the refusal it must get: a code the function returns, or
 * SQLSTATE 42501. `call` when the wrong call is about another row (a revoked grant's member).
 */
interface WrongCaller {
  who: string;
  scope: TxScope;
  refusal: string;
  call?: SQL;
}

/**
 * Every SECURITY DEFINER function in a service schema (issue 13, Also), with how to call it and
 * the callers it must refuse: another county's transaction, no user, another member or a
 * secretary outside the row's subtree. A new function without an entry fails the catalog
 * test below; each entry's wrong callers are really called there.
 */
function definerRegistry(r: CrossCountyRows): Record<string, { call: SQL; wrongCallers: WrongCaller[] }> {
  const now = sql`now()`;
  const destination = (refuse: 'decide' | 'end'): WrongCaller[] => [
    { who: "the member's own county (the row is not addressed to it)", scope: { tenantId: A, tenantWide: true, userId: 'dep-a' }, refusal: 'not_found' },
    { who: 'a third county', scope: { tenantId: C, tenantWide: true, userId: 'dep-c' }, refusal: 'not_found' },
    { who: "a secretary of the destination county outside the destination org's subtree", scope: { tenantId: B, orgIds: [r.bOther], userId: 'sec-b-other' }, refusal: 'not_found' },
    { who: 'the destination county without a user', scope: { tenantId: B, tenantWide: true }, refusal: '42501' },
    ...(refuse === 'decide' ? [{ who: 'the member themself', scope: { tenantId: B, tenantWide: true, userId: 'u-a' }, refusal: 'decides_about_oneself' }] : []),
  ];
  const receiver: WrongCaller[] = [
    { who: 'the origin county (the transfer is not addressed to it)', scope: { tenantId: A, tenantWide: true, userId: 'dep-a' }, refusal: 'not_found' },
    { who: 'a third county', scope: { tenantId: C, tenantWide: true, userId: 'dep-c' }, refusal: 'not_found' },
    { who: 'a secretary of the receiving county (its department decides)', scope: { tenantId: B, orgIds: [r.b.branchId], userId: 'sec-b' }, refusal: 'not_found' },
    { who: 'the receiving county without a user', scope: { tenantId: B, tenantWide: true }, refusal: '42501' },
  ];
  const duesCall = (memberId: string) =>
    sql`select outcome from roster.record_dues_as_destination(${memberId}::uuid, '2026-10', 150, '2026-10-20', 'catalog-dues', 'x', ${now})`;
  const claimant: WrongCaller[] = [
    { who: 'another member of the county', scope: { tenantId: A, userId: r.users.y }, refusal: 'not_found' },
    { who: "a member of another county's transaction", scope: { tenantId: B, userId: r.users.z }, refusal: 'not_found' },
    { who: 'the county without a user', scope: { tenantId: A, tenantWide: true }, refusal: 'not_found' },
  ];
  return {
    'reporting.decide_checkin(uuid,text,text,timestamp with time zone)': {
      call: sql`select reporting.decide_checkin(${r.ids.checkin}::uuid, 'accept', null, ${now}) as outcome`,
      wrongCallers: destination('decide'),
    },
    'reporting.end_checkin_as_destination(uuid,text,timestamp with time zone)': {
      call: sql`select reporting.end_checkin_as_destination(${r.ids.checkin}::uuid, 'x', ${now}) as outcome`,
      wrongCallers: destination('end'),
    },
    'reporting.repath_checkin_destinations(text,text)': {
      call: sql`select reporting.repath_checkin_destinations(${r.b.path}::text, '/moved/'::text)::text as outcome`,
      wrongCallers: [
        { who: "a secretary's transaction of the destination county", scope: { tenantId: B, orgIds: [r.b.branchId], userId: 'sec-b' }, refusal: '42501' },
        { who: 'a transaction of no county', scope: { tenantId: null, tenantWide: true }, refusal: '42501' },
        // Another county's own work re-paths only its own destinations: none of B's move.
        { who: "another county's system work", scope: { tenantId: A, tenantWide: true }, refusal: '0' },
      ],
    },
    // A trigger function (issue 15: marks the destination county's rollup months): nobody may call it.
    'reporting.mark_checkin_rollup()': {
      call: sql`select reporting.mark_checkin_rollup()::text as outcome`,
      wrongCallers: [
        { who: 'the destination county', scope: { tenantId: B, tenantWide: true, userId: 'dep-b' }, refusal: '42501' },
        { who: "the member's county", scope: { tenantId: A, tenantWide: true, userId: 'dep-a' }, refusal: '42501' },
        { who: 'a transaction of no county', scope: { tenantId: null, tenantWide: true }, refusal: '42501' },
      ],
    },
    'roster.repath_grantee_orgs(uuid)': {
      call: sql`select roster.repath_grantee_orgs(${r.b.branchId}::uuid)::text as outcome`,
      wrongCallers: [
        { who: "a secretary of the county outside the org's subtree", scope: { tenantId: B, orgIds: [r.bOther], userId: 'sec-b-other' }, refusal: '-1' },
        { who: "another county naming the org (it is not that county's)", scope: { tenantId: A, tenantWide: true }, refusal: '-1' },
        { who: 'a transaction of no county', scope: { tenantId: null, tenantWide: true }, refusal: '42501' },
      ],
    },
    'roster.accept_transfer_from_county(uuid,uuid,uuid,timestamp with time zone)': {
      call: sql`select roster.accept_transfer_from_county(${r.ids.transfer}::uuid, ${r.b.branchId}::uuid, ${r.b.id}::uuid, ${now}) as outcome`,
      wrongCallers: receiver,
    },
    // Issue 17: any county's secretary or department verifies a certificate by its code's
    // token; a person who is neither, or a transaction of no county or person, is refused.
    'roster.verify_certificate(text,date)': {
      call: sql`select coalesce((select v.status from roster.verify_certificate(${'0'.repeat(64)}, current_date) v), 'not_found') as outcome`,
      wrongCallers: [
        { who: "a member's transaction (no seat, not the department)", scope: { tenantId: B, userId: r.users.z }, refusal: '42501' },
        { who: 'a county without a user', scope: { tenantId: B, tenantWide: true }, refusal: '42501' },
        { who: 'a transaction of no county', scope: { tenantId: null, tenantWide: true, userId: 'nobody' }, refusal: '42501' },
      ],
    },
    'roster.reject_transfer_from_county(uuid,text,timestamp with time zone)': {
      call: sql`select roster.reject_transfer_from_county(${r.ids.transfer}::uuid, '不接收', ${now}) as outcome`,
      wrongCallers: receiver,
    },
    // Issue 17: a destination of another county records a checked-in member's dues in the
    // member's county; only the grantee county, in the grantee org's scope, not the member, on a
    // live grant.
    'roster.record_dues_as_destination(uuid,text,integer,date,text,text,timestamp with time zone)': {
      call: duesCall(r.a.id),
      wrongCallers: [
        { who: "the member's own county (the grant is not to it)", scope: { tenantId: A, tenantWide: true, userId: 'dep-a' }, refusal: 'not_found' },
        { who: 'a third county', scope: { tenantId: C, tenantWide: true, userId: 'dep-c' }, refusal: 'not_found' },
        { who: "a secretary of the destination county outside the grantee org's subtree", scope: { tenantId: B, orgIds: [r.bOther], userId: 'sec-b-other' }, refusal: 'not_found' },
        { who: 'the destination county without a user', scope: { tenantId: B, tenantWide: true }, refusal: '42501' },
        { who: 'the member themself', scope: { tenantId: B, tenantWide: true, userId: r.users.a }, refusal: 'decides_about_oneself' },
        { who: 'the destination of a revoked grant', scope: { tenantId: B, tenantWide: true, userId: 'dep-b' }, refusal: 'not_found', call: duesCall(r.a2.id) },
      ],
    },
    'tasks.take_place(uuid,text,timestamp with time zone)': {
      call: sql`select refusal as outcome from tasks.take_place(${r.ids.task}::uuid, 'catalog-wrong', ${now})`,
      wrongCallers: claimant,
    },
    'tasks.release_place(uuid,timestamp with time zone)': {
      call: sql`select tasks.release_place(${r.ids.claim}::uuid, ${now}) as outcome`,
      wrongCallers: claimant,
    },
    'tasks.submit_completion(uuid,text,numeric,uuid[],text,text,timestamp with time zone)': {
      call: sql`select outcome from tasks.submit_completion(${r.ids.claim}::uuid, '完成了', null, array[]::uuid[], null, 'catalog-wrong', ${now})`,
      wrongCallers: claimant,
    },
  };
}

/** What a wrong caller got: the function's answer, or the SQLSTATE it raised. */
async function answer(scope: TxScope, call: SQL): Promise<string> {
  const result = await attempt(scope, (tx) => tx.execute(call));
  if ('error' in result) return result.error;
  return String((result.rows[0] as { outcome: unknown } | undefined)?.outcome ?? 'no answer');
}

describe('writes to another tenant', () => {
  async function policies(): Promise<PolicyRow[]> {
    const result = await h.database.owner.execute(sql`
      select schemaname || '.' || tablename as name, policyname, permissive, cmd, qual, with_check from pg_policies`);
    return result.rows as unknown as PolicyRow[];
  }
  const tables = () => tenantTables.filter((t) => !(t in notCountyWrites));

  it("every INSERT policy of every tenant table requires the row's tenant_id to be the transaction's tenant", async () => {
    expect(unpinnedWrites(await policies(), tables(), 'INSERT')).toEqual([]);
  });

  it("every UPDATE policy of every tenant table requires the row's tenant_id, before and after, to be the transaction's tenant", async () => {
    expect(unpinnedWrites(await policies(), tables(), 'UPDATE')).toEqual([]);
  });

  it("every DELETE policy of every tenant table requires the row's tenant_id to be the transaction's tenant", async () => {
    expect(unpinnedWrites(await policies(), tables(), 'DELETE')).toEqual([]);
  });

  const rls = /row-level security/;

  it("county B's tenant-wide transaction cannot insert a row of county A into reporting.checkins, roster.transfers or a checkins copy", async () => {
    const a = await member(A);
    const b = await member(B);
    const inB = { tenantId: B, tenantWide: true, userId: `sec-${B}` };
    const checkin = await attempt(inB, (tx) =>
      tx.execute(sql`insert into reporting.checkins (tenant_id, member_id, user_id, org_path, dest_tenant_id, dest_org_id, dest_org_path, dest_org_name, status, grant_fields)
        values (${A}, ${a.id}, 'u-a', ${a.path}, ${B}, ${b.branchId}, ${b.path}, 'x', 'accepted', array['tasks'])`),
    );
    expect(checkin).toMatchObject({ error: '42501', message: expect.stringMatching(rls) });
    const transfer = await attempt(inB, (tx) =>
      tx.execute(sql`insert into roster.transfers (tenant_id, member_id, from_branch_id, from_path, to_tenant_id, to_org_id, status, requested_by, requested_by_role, ledger)
        values (${A}, ${a.id}, ${a.branchId}, ${a.path}, ${B}, ${b.branchId}, 'township_approved', 'u-a', 'member', '{}'::jsonb)`),
    );
    expect(transfer).toMatchObject({ error: '42501', message: expect.stringMatching(rls) });
    for (const schema of ['tasks', 'scoring']) {
      const copy = await attempt(inB, (tx) =>
        tx.execute(sql`insert into ${sql.raw(schema)}.checkins (tenant_id, member_id, checkin_id, dest_tenant_id, dest_org_id, dest_org_path)
          values (${A}, ${a.id}, gen_random_uuid(), ${B}, ${b.branchId}, ${b.path})`),
      );
      expect({ schema, copy }).toEqual({ schema, copy: expect.objectContaining({ message: expect.stringMatching(rls) }) });
    }
  });

  describe("what county A sent county B", () => {
    let r: CrossCountyRows;
    const copy = crypto.randomUUID();
    beforeAll(async () => {
      r = await crossCountyRows();
      for (const schema of ['tasks', 'scoring']) {
        await h.database.owner.execute(sql`insert into ${sql.raw(schema)}.checkins (tenant_id, member_id, checkin_id, dest_tenant_id, dest_org_id, dest_org_path) values
          (${A}, ${r.a.id}, ${copy}, ${B}, ${r.b.branchId}, ${r.b.path}), (${B}, ${r.b.id}, ${copy}, ${A}, ${r.a.branchId}, ${r.a.path})`);
      }
    });
    afterAll(async () => {
      await r?.clear();
      for (const schema of ['tasks', 'scoring']) await h.database.owner.execute(sql`delete from ${sql.raw(schema)}.checkins where checkin_id = ${copy}`);
    });
    const inB = { tenantId: B, tenantWide: true, userId: `dep-${B}` };

    it("county B's tenant-wide transaction neither updates nor deletes a check-in, transfer or copy of county A's: 0 rows, and moves none of its own to A", async () => {
      const before = await r.state();
      const changed = (statement: SQL) => attempt(inB, (tx) => tx.execute(statement));
      // The attack of issue 13 D: county A's check-in to B accepted with extra grant fields, taken over, or sent elsewhere.
      for (const set of [sql`status = 'accepted', grant_fields = array['employer', 'phone']`, sql`tenant_id = ${B}`, sql`dest_tenant_id = ${C}`]) {
        expect(await changed(sql`update reporting.checkins set ${set} where id = ${r.ids.checkin} returning id`)).toEqual({ rows: [] });
      }
      for (const set of [sql`status = 'accepted', new_member_id = ${r.b.id}`, sql`tenant_id = ${B}`, sql`to_tenant_id = ${C}`]) {
        expect(await changed(sql`update roster.transfers set ${set} where id = ${r.ids.transfer} returning id`)).toEqual({ rows: [] });
      }
      expect(await changed(sql`delete from reporting.checkins where id = ${r.ids.checkin} returning id`)).toEqual({ rows: [] });
      expect(await changed(sql`delete from roster.transfers where id = ${r.ids.transfer} returning id`)).toEqual({ rows: [] });
      for (const schema of ['tasks', 'scoring']) {
        const s = sql.raw(schema);
        // A copy of county A's member checked in to it: read only, neither rewritten, taken over nor deleted.
        const rewritten = await changed(sql`update ${s}.checkins set dest_org_path = '/x/' where tenant_id = ${A} and member_id = ${r.a.id} returning member_id`);
        const taken = await changed(sql`update ${s}.checkins set tenant_id = ${B} where tenant_id = ${A} and member_id = ${r.a.id} returning member_id`);
        const deleted = await changed(sql`delete from ${s}.checkins where tenant_id = ${A} and member_id = ${r.a.id} returning member_id`);
        expect({ schema, rewritten, taken, deleted }).toEqual({ schema, rewritten: { rows: [] }, taken: { rows: [] }, deleted: { rows: [] } });
        // Its own copy moved to county A.
        const moved = await changed(sql`update ${s}.checkins set tenant_id = ${A} where tenant_id = ${B} and member_id = ${r.b.id}`);
        expect({ schema, moved }).toEqual({ schema, moved: expect.objectContaining({ message: expect.stringMatching(rls) }) });
      }
      expect(await r.state()).toEqual(before);
      const kept = await h.database.owner.execute(sql`select tenant_id, dest_org_path from tasks.checkins where checkin_id = ${copy} and member_id = ${r.a.id}`);
      expect(kept.rows).toEqual([{ tenant_id: A, dest_org_path: r.b.path }]);
    });

    it('the functions refuse county A, a third county, a secretary outside the destination org, and a row addressed elsewhere; county B decides through them and moves nothing', async () => {
      const before = await r.state();
      const registry = definerRegistry(r);
      const decide = registry['reporting.decide_checkin(uuid,text,text,timestamp with time zone)']!;
      const accept = registry['roster.accept_transfer_from_county(uuid,uuid,uuid,timestamp with time zone)']!;
      for (const [fn, { call, wrongCallers }] of [['decide_checkin', decide], ['accept_transfer_from_county', accept]] as const) {
        for (const { who, scope, refusal } of wrongCallers) expect({ fn, who, got: await answer(scope, call) }).toEqual({ fn, who, got: refusal });
      }
      // A check-in of county A addressed to a third county: not county B's to decide.
      const elsewhere = crypto.randomUUID();
      await h.database.owner.execute(sql`insert into reporting.checkins (tenant_id, id, member_id, user_id, org_path, dest_tenant_id, dest_org_id, dest_org_path, dest_org_name, grant_fields)
        values (${A}, ${elsewhere}, gen_random_uuid(), 'u-a2', ${r.a.path}, ${C}, ${r.b.branchId}, ${r.b.path}, 'x', array[]::text[])`);
      try {
        expect(await answer(inB, sql`select reporting.decide_checkin(${elsewhere}::uuid, 'accept', null, now()) as outcome`)).toBe('not_found');
      } finally {
        await h.database.owner.execute(sql`delete from reporting.checkins where id = ${elsewhere}`);
      }
      expect(await r.state()).toEqual(before);

      // County B's department decides: only the decision's columns change, both counties stay.
      expect(await answer(inB, decide.call)).toBe('accepted');
      expect(await answer(inB, accept.call)).toBe('accepted');
      const after = await h.database.owner.execute(sql`select
        (select row(tenant_id, dest_tenant_id, status, dest_org_path, decided_by)::text from reporting.checkins where id = ${r.ids.checkin}) as checkin,
        (select row(tenant_id, to_tenant_id, status, to_path, to_branch_id, new_member_id)::text from roster.transfers where id = ${r.ids.transfer}) as transfer`);
      expect(after.rows[0]).toEqual({
        checkin: `(${A},${B},accepted,${r.b.path},dep-${B})`,
        transfer: `(${A},${B},accepted,${r.b.path},${r.b.branchId},${r.b.id})`,
      });
    });
  });
});

describe('SECURITY DEFINER functions', () => {
  let r: CrossCountyRows;
  beforeAll(async () => {
    r = await crossCountyRows();
  });
  afterAll(() => r?.clear());

  it('every SECURITY DEFINER function in a service schema has a fixed search_path and is guarded', async () => {
    const definers = await h.database.owner.execute(sql`
      select p.oid::regprocedure::text as signature, (select c from unnest(p.proconfig) c where c like 'search_path=%') as search_path,
        has_function_privilege('public', p.oid, 'execute') as public_execute
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
      order by 1`);
    // Only the system schemas: no schema a caller could create objects in (public) is searched.
    expect(definers.rows.filter((d) => d.search_path !== 'search_path=pg_catalog, pg_temp')).toEqual([]);
    // Only the request role may call them: not PUBLIC, which is every role of the cluster.
    expect(definers.rows.filter((d) => d.public_execute)).toEqual([]);
    const registry = definerRegistry(r);
    expect(definers.rows.map((d) => d.signature)).toEqual(Object.keys(registry).sort());

    const before = await r.state();
    const answers: { fn: string; who: string; got: string }[] = [];
    for (const [fn, { call, wrongCallers }] of Object.entries(registry)) {
      expect(wrongCallers.length, fn).toBeGreaterThan(0);
      for (const wrong of wrongCallers) answers.push({ fn, who: wrong.who, got: await answer(wrong.scope, wrong.call ?? call) });
    }
    expect(answers).toEqual(Object.entries(registry).flatMap(([fn, { wrongCallers }]) => wrongCallers.map(({ who, refusal }) => ({ fn, who, got: refusal }))));
    // Refused means untouched: the check-in, the transfer, the claim, its completions and the places.
    expect(await r.state()).toEqual(before);
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
