import { ACCESS_COOKIE, mintAccessToken } from '@tongxin/auth';
import pg from 'pg';
import { createHttpGetter } from './http-client.ts';
import { claimInput, CLAIM_PATH, publishBenchTask } from './claim-stack.ts';
import { createHttpPoster, createTokens, currentPeriod, prepareCounty, reportInput, startWithKeys, SUBMIT_PATH, TENANT, type BenchMember } from './scenario-report-stack.ts';

/**
 * `event-lag`: from the commit of what earns points to the points being visible, on Node
 * (issue 7). Members claim a task and send their monthly report through the whole stack;
 * the runner's relay carries tasks' and reporting's events to scoring. The lag of each
 * ledger entry is read from the database afterwards: `at` (the scoring transaction) minus
 * `event_at` (the outbox row's time). Measured at rest (one member every 200 ms), under
 * load (8 at once, back to back, both kinds of event), and under a sustained mixed load
 * (issue 16: 50 at once for 24 × --seconds, 120 s by default: roster pages, inbox, task
 * lists, report lists, reports and claims), where the relay must not fall behind: the
 * events still waiting when the load stops, and how long they took to drain, are printed.
 */
export async function runEventLag(options: { adminUrl: string; driver: 'pg' | 'neon'; durationMs: number; port: number; log: (line: string) => void }): Promise<{ line: string }> {
  const { databaseUrl, members } = await prepareCounty(options.adminUrl, 'tongxin_bench_event_lag', options.log);
  const server = await startWithKeys(databaseUrl, options.driver, options.port);
  const client = createHttpPoster(server.base, 8);
  const tokens = createTokens(server.keys);
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  const period = currentPeriod();
  try {
    const taskId = await publishBenchTask(owner, '帮村里销售冰糖橙（积分时延）', null);
    let next = 0;
    const take = (): BenchMember => {
      const m = members[next++];
      if (!m) throw new Error('ran out of members: shorten --seconds');
      return m;
    };
    const act = async () => {
      const m = take();
      const cookie = await tokens.cookieFor(m);
      for (const [path, input] of [[CLAIM_PATH, claimInput(taskId, crypto.randomUUID())], [SUBMIT_PATH, reportInput(m, period, crypto.randomUUID())]] as const) {
        const response = await client.post(path, input, cookie);
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${response.body.slice(0, 200)}`);
      }
    };
    await tokens.warm(members.slice(0, 4000));

    const lags = async (since: Date) => {
      await drained(owner);
      const result = await owner.query(
        `select count(*)::int as n,
                percentile_cont(0.5) within group (order by extract(epoch from at - event_at) * 1000) as p50,
                percentile_cont(0.99) within group (order by extract(epoch from at - event_at) * 1000) as p99,
                max(extract(epoch from at - event_at) * 1000) as max
         from scoring.points_ledger where tenant_id = $1 and event_at >= $2 and kind in ('task_claimed', 'monthly_report')`,
        [TENANT, since],
      );
      const r = result.rows[0] as { n: number; p50: number; p99: number; max: number };
      return { n: r.n, p50: Number(r.p50), p99: Number(r.p99), max: Number(r.max) };
    };

    const restStart = new Date();
    for (let i = 0; i < 50; i++) {
      await act();
      await new Promise((r) => setTimeout(r, 200));
    }
    const rest = await lags(restStart);
    options.log(`at rest: ${rest.n} entries, lag p50 ${rest.p50.toFixed(0)} ms, p99 ${rest.p99.toFixed(0)} ms, max ${rest.max.toFixed(0)} ms`);

    const loadStart = new Date();
    const deadline = performance.now() + options.durationMs;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (performance.now() < deadline) await act();
    }));
    const load = await lags(loadStart);
    options.log(`under load (c=8): ${load.n} entries, lag p50 ${load.p50.toFixed(0)} ms, p99 ${load.p99.toFixed(0)} ms, max ${load.max.toFixed(0)} ms`);

    // Sustained: 50 callers, one in three writes (a claim and a report), the rest reads.
    // The department's 60-second access token, minted again before it runs out.
    let department = { cookie: '', until: 0 };
    const departmentCookie = async () => {
      if (department.until < Date.now()) {
        const token = await mintAccessToken(server.keys, { userId: 'bench-department', tenantId: TENANT, sessionId: 'bench-department', name: '组织部', roles: [{ role: 'department' }] }, new Date());
        department = { cookie: `${ACCESS_COOKIE}=${token}`, until: Date.now() + 50_000 };
      }
      return department.cookie;
    };
    const reader = createHttpGetter(server.base, 50);
    const reads = [
      `/api/roster/trpc/members.list?input=${encodeURIComponent(JSON.stringify({ status: 'mobile', pageSize: 20 }))}`,
      '/api/reporting/trpc/notifications.mine',
      '/api/tasks/trpc/tasks.forMe',
      '/api/reporting/trpc/monthlyReports.mine',
    ];
    const sustainedStart = new Date();
    const sustainedEnd = performance.now() + options.durationMs * 24;
    let calls = 0;
    await Promise.all(Array.from({ length: 50 }, async (_, worker) => {
      for (let i = worker; performance.now() < sustainedEnd; i++) {
        calls++;
        if (i % 3 === 0) {
          await act();
          continue;
        }
        const path = reads[i % reads.length]!;
        const cookie = path.startsWith('/api/roster') ? await departmentCookie() : await tokens.cookieFor(members[i % 4000]!);
        const status = await reader.get(path, { cookie });
        if (status !== 200) throw new Error(`${path} answered ${status}`);
      }
    }));
    const stoppedAt = performance.now();
    const waiting = await waitingEvents(owner);
    await drained(owner);
    const drainMs = performance.now() - stoppedAt;
    const sustained = await lags(sustainedStart);
    reader.close();
    const seconds = (options.durationMs * 24) / 1000;
    options.log(`sustained (c=50, ${seconds} s, ${calls} calls): ${sustained.n} entries (${(sustained.n / seconds).toFixed(0)} per s), lag p50 ${sustained.p50.toFixed(0)} ms, p99 ${sustained.p99.toFixed(0)} ms; ${waiting} events waiting at the end, drained in ${drainMs.toFixed(0)} ms`);

    const capacity = await drainRate(owner, members.slice(-BACKLOG), taskId, period);
    options.log(`capacity: a backlog of ${capacity.events} events (claims and "ledger unchanged" reports, written at once) drained in ${capacity.ms.toFixed(0)} ms: ${capacity.perSecond.toFixed(0)} events per s`);
    return {
      line: `LAG event-lag rest_p99_ms=${rest.p99.toFixed(0)} load_p99_ms=${load.p99.toFixed(0)} sustained_p99_ms=${sustained.p99.toFixed(0)} backlog_at_end=${waiting} drain_ms=${drainMs.toFixed(0)} capacity_per_s=${capacity.perSecond.toFixed(0)} entries=${rest.n + load.n + sustained.n}`,
    };
  } finally {
    client.close();
    await owner.end();
    server.stop();
  }
}

/** Members whose events make the capacity backlog: one claim and one report each. */
const BACKLOG = 2000;

/**
 * The relay's capacity (issue 16 asks 400 events a second): a backlog of claims and monthly
 * reports saying "ledger unchanged" (each a scoring entry, the report also a ledger
 * confirmation in roster), written straight into the outboxes in one transaction each, and
 * the time the running relay takes to deliver them all.
 */
async function drainRate(owner: pg.Client, members: readonly BenchMember[], taskId: string, period: string) {
  const at = new Date().toISOString();
  const claims = members.map((m) => ({
    tenant_id: TENANT, topic: 'tasks.claimed',
    payload: { claimId: crypto.randomUUID(), taskId, memberTenantId: TENANT, memberId: m.memberId, userId: m.userId, taskKind: 'sell_products', taskOrgId: m.branchId, claimedAt: at },
  }));
  const reports = members.map((m) => ({
    tenant_id: TENANT, topic: 'reporting.monthly_report_submitted',
    payload: { reportId: crypto.randomUUID(), memberId: m.memberId, userId: m.userId, period, ledgerUnchanged: true },
  }));
  const started = performance.now();
  for (const [outbox, rows] of [['tasks.outbox', claims], ['reporting.outbox', reports]] as const) {
    await owner.query(
      `insert into ${outbox} (tenant_id, topic, payload) select r.tenant_id, r.topic, r.payload from jsonb_to_recordset($1::jsonb) as r(tenant_id text, topic text, payload jsonb)`,
      [JSON.stringify(rows)],
    );
  }
  await drained(owner);
  const ms = performance.now() - started;
  const events = claims.length + reports.length;
  return { events, ms, perSecond: (events / ms) * 1000 };
}

async function waitingEvents(owner: pg.Client): Promise<number> {
  const left = await owner.query(`select (select count(*) from tasks.outbox where delivered_at is null) + (select count(*) from reporting.outbox where delivered_at is null) as n`);
  return Number(left.rows[0].n);
}

/** Waits until the relay has delivered every event of tasks' and reporting's outboxes. */
async function drained(owner: pg.Client) {
  for (let i = 0; i < 6000; i++) {
    if ((await waitingEvents(owner)) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the relay did not drain the outboxes within 5 minutes');
}
