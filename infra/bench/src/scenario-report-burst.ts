import pg from 'pg';
import {
  createHttpPoster, createTokens, currentPeriod, prepareCounty, reportInput, startWithKeys, SUBMIT_PATH, TENANT, type BenchMember,
} from './scenario-report-stack.ts';

const CONCURRENCY = 50;
/** Every tenth member's request is sent twice with the same idempotency key (a phone retrying on a poor connection). */
const RETRY_EVERY = 10;
/** How far behind its original a retry is queued: near enough that many race it at c=50. */
const RETRY_LAG = 20;

/**
 * `report-burst`: the first days of a month (brief: traffic is bursty), 10,000 members
 * submitting at concurrency 50 with 10% of the requests retried. Counted from the database
 * afterwards: every member stored once, no second report, version or event.
 */
export async function runReportBurst(options: { adminUrl: string; driver: 'pg' | 'neon'; durationMs: number; port: number; log: (line: string) => void }): Promise<{ line: string }> {
  const { databaseUrl, members } = await prepareCounty(options.adminUrl, 'tongxin_bench_report_burst', options.log);
  const server = await startWithKeys(databaseUrl, options.driver, options.port);
  const client = createHttpPoster(server.base, CONCURRENCY);
  const tokens = createTokens(server.keys);
  const period = currentPeriod();
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    // The queue: each member once, and every tenth again with the same key a few places later.
    const queue: { member: BenchMember; key: string; retry: boolean }[] = [];
    const pending: { at: number; item: (typeof queue)[number] }[] = [];
    members.forEach((member, i) => {
      const item = { member, key: crypto.randomUUID(), retry: false };
      queue.push(item);
      if (i % RETRY_EVERY === 0) pending.push({ at: i + RETRY_LAG, item: { ...item, retry: true } });
      while (pending[0] && pending[0].at <= i) queue.push(pending.shift()!.item);
    });
    for (const p of pending) queue.push(p.item);

    const answers = new Map<string, string>();
    let errors = 0;
    let mismatched = 0;
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      for (let item = queue[next++]; item; item = queue[next++]) {
        try {
          const response = await client.post(SUBMIT_PATH, reportInput(item.member, period, item.key), await tokens.cookieFor(item.member));
          if (response.status !== 200) {
            errors++;
            if (errors <= 5) options.log(`error ${response.status}: ${response.body.slice(0, 200)}`);
            continue;
          }
          const answer = JSON.stringify(JSON.parse(response.body).result.data);
          const first = answers.get(item.key);
          if (first === undefined) answers.set(item.key, answer);
          else if (first !== answer) mismatched++;
        } catch (error) {
          errors++;
          if (errors <= 5) options.log(`error: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    options.log(`${queue.length} requests (${queue.length - members.length} retries) at c=${CONCURRENCY} in ${seconds.toFixed(1)} s: ${(queue.length / seconds).toFixed(0)} req/s; retries answered differently: ${mismatched}`);

    const counted = await owner.query(
      `select (select count(*)::int from reporting.monthly_reports where tenant_id = $1 and period = $2) as reports,
              (select count(distinct member_id)::int from reporting.monthly_reports where tenant_id = $1 and period = $2) as members,
              (select count(*)::int from reporting.monthly_report_versions v join reporting.monthly_reports r on r.tenant_id = v.tenant_id and r.id = v.report_id
                 where r.tenant_id = $1 and r.period = $2) as versions,
              (select count(*)::int from reporting.outbox where tenant_id = $1 and topic = 'reporting.monthly_report_submitted' and payload->>'period' = $2) as events`,
      [TENANT, period],
    );
    const c = counted.rows[0] as { reports: number; members: number; versions: number; events: number };
    options.log(`database: ${c.reports} reports of ${c.members} members, ${c.versions} versions, ${c.events} events`);
    // A duplicate is any row beyond one report, one version and one event per member.
    const duplicates = c.reports - c.members + (c.versions - c.reports) + (c.events - c.reports) + mismatched;
    return { line: `BURST report-burst stored=${c.members} duplicates=${duplicates} errors=${errors}` };
  } finally {
    client.close();
    await owner.end();
    server.stop();
  }
}
