import pg from 'pg';
import { createHttpGetter } from './http-client.ts';
import { logIn } from './log-in.ts';
import { describe, measure } from './measure.ts';
import type { ScenarioResult } from './scenario-me.ts';
import { freshDatabase, seedBenchmarkCounty, startTongxin } from './server.ts';

const MEMBERS = 10_000;
const TENANT = `bench${MEMBERS}`;
/**
 * The benchmark county's township secretary (infra/runner/src/seed/demo-accounts.ts): the
 * roster's everyday user, and the harder case for RLS (a subtree, not the whole county).
 */
const SECRETARY = { tenantId: TENANT, username: '13700000004', password: 'Tongxin-2026' };
const TOWNSHIP = '第1镇党委';
/** A filter with a few hundred matches in the township: mobile members, first page of 100. */
const FILTER = { status: 'mobile', page: 1, pageSize: 100 } as const;
const STALE_AFTER_DAYS = 30;

// The statement members.list sends for this filter (services/roster/src/members/list-members.ts),
// with the policies' conditions written out (tenant, and the township's subtree as a path
// prefix): the raw side runs as the owner, without RLS, and must return the same rows.
const LIST_SQL = `
  select m.id, m.name, m.gender, m.id_card_number as "idCardNumber", m.phone, m.branch_id as "branchId",
         b.name as branch, m.status, m.destination_city as "destinationCity", m.employer,
         m.ledger_confirmed_at as "ledgerConfirmedAt",
         (m.status in ('mobile', 'lost_contact') and (m.ledger_confirmed_at is null or m.ledger_confirmed_at < $2::timestamptz)) as stale,
         count(*) over () as total
  from roster.members m
  join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
  where m.tenant_id = $1 and m.status = $3 and m.org_path ~>=~ $4 and m.org_path ~<~ $7
  order by m.name, m.id
  limit $5 offset $6`;

/**
 * `roster-page`: one filtered page of 100 members of a 10,000-member county, through the
 * whole stack (HTTP, access token, tRPC, zod, tenant transaction, RLS, members.list) as
 * a township secretary, against the same statement sent raw with pg.
 */
export async function runRosterPage(options: { adminUrl: string; driver: 'pg' | 'neon'; durationMs: number; port: number; log: (line: string) => void }): Promise<ScenarioResult> {
  const databaseUrl = await freshDatabase(options.adminUrl, 'tongxin_bench_roster');
  const seeded = performance.now();
  await seedBenchmarkCounty(databaseUrl, MEMBERS);
  options.log(`seeded the demo and a ${MEMBERS}-member county in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  const server = await startTongxin(databaseUrl, options.driver, options.port);
  const raw = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  const http = createHttpGetter(server.base, 8);
  const path = `/api/roster/trpc/members.list?input=${encodeURIComponent(JSON.stringify(FILTER))}`;
  try {
    let cookie = await logIn(server.base, SECRETARY);
    const township = await raw.query(`select id, path from roster.orgs where tenant_id = $1 and name = $2`, [TENANT, TOWNSHIP]);
    const { id: townshipId, path: townshipPath } = township.rows[0] as { id: string; path: string };
    const cutoff = () => new Date(Date.now() - STALE_AFTER_DAYS * 86_400_000).toISOString();
    const rawParams = () => [TENANT, cutoff(), FILTER.status, townshipPath, FILTER.pageSize, (FILTER.page - 1) * FILTER.pageSize, `${townshipPath.slice(0, -1)}0`];

    // Honesty check: both sides return the same page.
    const page = (await (await fetch(server.base + path, { headers: { cookie } })).json()).result.data as { items: { id: string }[]; total: number };
    const direct = await raw.query(LIST_SQL, rawParams());
    const same = page.items.length === direct.rows.length && page.items.every((item, i) => item.id === direct.rows[i].id);
    if (!same || page.items.length !== FILTER.pageSize) throw new Error(`the two sides differ: ${page.items.length} vs ${direct.rows.length} rows`);
    options.log(`page: ${page.items.length} of ${page.total} matching members; both sides return the same rows`);

    const fullCall = async () => {
      let status = await http.get(path, { cookie });
      if (status === 401) {
        cookie = await logIn(server.base, SECRETARY); // the 60-second access token ran out mid-run
        status = await http.get(path, { cookie });
      }
      if (status !== 200) throw new Error(`members.list answered ${status}`);
    };
    const rawCall = async () => {
      const result = await raw.query(LIST_SQL, rawParams());
      if (result.rows.length !== FILTER.pageSize) throw new Error('raw query returned a short page');
    };
    await measure(fullCall, 8, 1000);
    await measure(rawCall, 8, 1000);
    const result: ScenarioResult = { full: [], raw: [] };
    for (const concurrency of [1, 8]) {
      const full = await measure(fullCall, concurrency, options.durationMs);
      const straight = await measure(rawCall, concurrency, options.durationMs);
      options.log(describe(`full stack (${options.driver})`, full));
      options.log(describe('raw pg query', straight));
      result.full.push(full);
      result.raw.push(straight);
    }
    // For the note: where the difference goes. The same statement raw inside a tenant
    // transaction as the app role (RLS on, 3 round trips like the server), and HTTP alone.
    const rawScoped = async () => {
      const client = await raw.connect();
      try {
        const literal = (v: string) => client.escapeLiteral(v);
        await client.query(`begin; select set_config('role', 'tongxin_app', true), set_config('app.tenant_id', ${literal(TENANT)}, true), set_config('app.org_ids', ${literal(townshipId)}, true)`);
        const rows = await client.query(LIST_SQL, rawParams());
        await client.query('commit');
        if (rows.rows.length !== FILTER.pageSize) throw new Error('raw scoped query returned a short page');
      } finally {
        client.release();
      }
    };
    options.log(describe('raw pg, tenant tx + RLS', await measure(rawScoped, 8, options.durationMs)));
    options.log(describe('floor: HTTP health (1 query)', await measure(async () => void (await http.get('/api/roster/health', {})), 8, options.durationMs)));
    return result;
  } finally {
    http.close();
    await raw.end();
    server.stop();
  }
}
