import { chinaMonth, monthsEndingWith, previousMonth } from '@tongxin/calendar';
import { reportingRollups } from '@tongxin/reporting';
import { rosterRollups } from '@tongxin/roster';
import { monthWindow, type RollupSpec } from '@tongxin/rollups';
import { scoringRollups } from '@tongxin/scoring';
import { tasksRollups } from '@tongxin/tasks';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { createHttpGetter } from './http-client.ts';
import { logIn } from './log-in.ts';
import { describe, measure } from './measure.ts';
import { freshDatabase, seedBenchmarkCounty, startTongxin } from './server.ts';

const SERVICES: readonly [string, RollupSpec][] = [['roster', rosterRollups], ['reporting', reportingRollups], ['tasks', tasksRollups], ['scoring', scoringRollups]];
const TREND = 24;
const dialect = new PgDialect();

const DATABASE = 'tongxin_bench_dashboard';

/** `--reuse`: the database an earlier run seeded, checked to hold the city asked for. */
async function seededDatabase(options: DashboardOptions): Promise<string> {
  const url = new URL(options.adminUrl);
  url.pathname = `/${DATABASE}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect().catch(() => {
    throw new Error(`--reuse: no database ${DATABASE}; run once without --reuse to seed it`);
  });
  try {
    const counties = (await client.query(`select count(distinct tenant_id)::int as n from roster.members where tenant_id like $1`, [`bench${options.members}-%`])).rows[0].n as number;
    if (counties !== options.counties) throw new Error(`--reuse: ${DATABASE} holds ${counties} counties of ${options.members} members, not ${options.counties}`);
  } finally {
    await client.end();
  }
  options.log(`reusing the seeded city in ${DATABASE}`);
  return url.toString();
}

export interface DashboardOptions {
  /** Measure on the city an earlier run seeded instead of seeding it again. */
  reuse?: boolean;
  adminUrl: string;
  driver: 'pg' | 'neon';
  durationMs: number;
  port: number;
  log: (line: string) => void;
  counties: number;
  members: number;
  months: number;
}

/**
 * `dashboard` (issue 15): the county overview (every service's figures for the county, a
 * 24-month trend and the townships) and one drill-down (a township) through the whole stack,
 * as the department view loads them (four requests side by side each), against the same
 * figures computed the way a dashboard without rollups would: each service's aggregate over
 * its base tables (its rollup leaves, the very statements a rebuild runs) for every month of
 * the trend, summed over the subtree. The seed is a city of `counties` counties of `members`
 * members with `months` months of history (`npm run seed -- --city … --members … --months …`).
 * Staleness: a monthly report written to the base table, then the overview polled until its
 * figure moves. Ends `BENCH dashboard p95_ratio=<full/raw> staleness_s=<s>`.
 */
export async function runDashboard(options: DashboardOptions): Promise<{ line: string }> {
  const tenant = `bench${options.members}-1`;
  const databaseUrl = options.reuse ? await seededDatabase(options) : await freshDatabase(options.adminUrl, DATABASE);
  if (!options.reuse) {
    const seeded = performance.now();
    await seedBenchmarkCounty(databaseUrl, options.members, ['--city', String(options.counties), '--months', String(options.months)]);
    options.log(`seeded ${options.counties} counties of ${options.members} members with ${options.months} months in ${((performance.now() - seeded) / 1000).toFixed(0)} s`);
  }
  const server = await startTongxin(databaseUrl, options.driver, options.port);
  const raw = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  const http = createHttpGetter(server.base, 8);
  try {
    const account = { tenantId: tenant, username: '13700000005', password: 'Tongxin-2026' };
    let cookie = await logIn(server.base, account);
    const now = new Date();
    const month = chinaMonth(now);
    const [township] = (await raw.query(`select id, path from roster.orgs where tenant_id = $1 and kind = 'township' order by name limit 1`, [tenant])).rows as { id: string; path: string }[];
    const path = (service: string, orgId?: string) =>
      `/api/${service}/trpc/rollups.overview?input=${encodeURIComponent(JSON.stringify({ month, months: TREND, ...(orgId ? { orgId } : {}) }))}`;
    const view = (orgId?: string) => SERVICES.map(([service]) => path(service, orgId));

    // The raw side: every month of the trend, every service's aggregate over its base tables, summed for the subtree.
    const scan = async (subtree: string | null) => {
      const figures = new Map<string, number>();
      await Promise.all(
        SERVICES.map(async ([, spec]) => {
          for (const m of monthsEndingWith(month, TREND)) {
            const leaves = spec.leaves(tenant, monthWindow(m, now));
            const query = dialect.sqlToQuery(sql`select figure, sum(value)::float8 as value from (${leaves}) as leaf (org_path, figure, value)
              where ${subtree === null ? sql`true` : sql`starts_with(leaf.org_path, ${subtree})`} group by figure`);
            const rows = (await raw.query(query.sql, query.params)).rows as { figure: string; value: number }[];
            for (const row of rows) figures.set(`${m} ${row.figure}`, (figures.get(`${m} ${row.figure}`) ?? 0) + Number(row.value));
          }
        }),
      );
      return figures;
    };

    // Honesty check: last month's figures through the stack equal the scan's.
    const answers = await Promise.all(view().map(async (p) => (await (await fetch(server.base + p, { headers: { cookie } })).json()).result.data));
    const scanned = await scan(null);
    const last = previousMonth(month);
    let compared = 0;
    for (const answer of answers as { previous: Record<string, number> }[]) {
      for (const [figure, value] of Object.entries(answer.previous)) {
        const expected = scanned.get(`${last} ${figure}`) ?? 0;
        if (Math.abs(expected - value) > 1e-6) throw new Error(`${figure} for ${last}: ${value} through the stack, ${expected} by the scan`);
        compared += 1;
      }
    }
    if (compared === 0) throw new Error('the overview answered no figures for last month');
    options.log(`${compared} figures for ${last} agree between the overview and the scan`);

    const get = async (p: string) => {
      let status = await http.get(p, { cookie });
      if (status === 401) {
        cookie = await logIn(server.base, account); // the 60-second access token ran out mid-run
        status = await http.get(p, { cookie });
      }
      if (status !== 200) throw new Error(`${p} answered ${status}`);
    };
    const fullCall = async () => {
      await Promise.all(view().map(get));
      await Promise.all(view(township!.id).map(get));
    };
    const rawCall = async () => {
      await scan(null);
      await scan(township!.path);
    };
    await measure(fullCall, 8, 1000);
    const full = await measure(fullCall, 8, options.durationMs);
    const straight = await measure(rawCall, 8, Math.max(options.durationMs, 10_000));
    options.log(describe('overview + drill-down (stack)', full) + `  p95 ${full.p95.toFixed(1)} ms`);
    options.log(describe('raw scan of base tables', straight) + `  p95 ${straight.p95.toFixed(1)} ms`);

    // Staleness: a report lands in the base table; how long until the overview shows it?
    const [member] = (await raw.query(`select member_id, user_id from reporting.members m where tenant_id = $1 and status = 'mobile'
      and not exists (select 1 from reporting.monthly_reports r where r.tenant_id = m.tenant_id and r.member_id = m.member_id and r.period = $2) limit 1`, [tenant, month])).rows as { member_id: string }[];
    const submitted = async () => {
      let response = await fetch(server.base + path('reporting'), { headers: { cookie } });
      if (response.status === 401) {
        cookie = await logIn(server.base, account); // the raw scans outlast the 60-second access token
        response = await fetch(server.base + path('reporting'), { headers: { cookie } });
      }
      if (!response.ok) throw new Error(`the overview answered ${response.status}`);
      return Number((await response.json()).result.data.figures.reportsSubmitted ?? 0);
    };
    const before = await submitted();
    const wrote = performance.now();
    await raw.query(`insert into reporting.monthly_reports (tenant_id, user_id, member_id, period, summary, ledger_change, help_wanted) values ($1, $2, $3, $4, '基准', 'unchanged', false)`,
      [tenant, `bench:${member!.member_id}`, member!.member_id, month]);
    let staleness = Number.NaN;
    for (let i = 0; i < 240; i++) {
      if ((await submitted()) > before) {
        staleness = (performance.now() - wrote) / 1000;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    options.log(`a new monthly report showed in the overview after ${staleness.toFixed(1)} s`);
    return { line: `BENCH dashboard p95_ratio=${(full.p95 / straight.p95).toFixed(3)} staleness_s=${staleness.toFixed(1)}` };
  } finally {
    http.close();
    await raw.end();
    server.stop();
  }
}
