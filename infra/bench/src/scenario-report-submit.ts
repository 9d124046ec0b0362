import pg from 'pg';
import type { ScenarioResult } from './scenario-me.ts';
import {
  createHttpPoster, createTokens, createWarmer, currentPeriod, measureWrites, prepareCounty, reportInput, startWithKeys, SUBMIT_PATH, TENANT, type BenchMember,
} from './scenario-report-stack.ts';

// The statements monthlyReports.submit sends for a first submission
// (services/reporting/src/monthly-reports/submit-monthly-report.ts), sent raw as the owner
// (no RLS, no tenant settings) in one transaction: the report with the member looked up in
// the same insert, then version 1 with the outbox event.
const INSERT_REPORT = `insert into reporting.monthly_reports (tenant_id, user_id, member_id, period, summary, ledger_change, ledger_version, study, difficulties, help_wanted, submitted_at, updated_at)
  select $1, $2, m.member_id, $4, $5, $6, null, $7, null, false, now(), now() from reporting.members m where m.tenant_id = $1 and m.user_id = $3
  on conflict do nothing returning id, member_id`;
// Written as already delivered: the server's relay would otherwise confirm ledgers for the
// raw side's events too, in the server's process, while the full side is being measured.
const INSERT_VERSION_AND_EVENT = `with version as (
    insert into reporting.monthly_report_versions (tenant_id, report_id, version, content, idempotency_key, at) values ($1, $2, 1, $3::jsonb, $4, now()))
  insert into reporting.outbox (tenant_id, topic, payload, delivered_at) values ($1, 'reporting.monthly_report_submitted', $5::jsonb, now())`;

/**
 * `report-submit`: a member's first monthly report of the month through the whole stack
 * (HTTP, access token, tRPC, zod, tenant transaction, RLS, report + version + outbox) against
 * the same statements raw on pg. Every request is a different member, so each is a fresh
 * insert, never an edit or a replay.
 */
export async function runReportSubmit(options: { adminUrl: string; driver: 'pg' | 'neon'; durationMs: number; port: number; log: (line: string) => void }): Promise<ScenarioResult> {
  const { databaseUrl, members } = await prepareCounty(options.adminUrl, 'tongxin_bench_report_submit', options.log);
  const server = await startWithKeys(databaseUrl, options.driver, options.port);
  const raw = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  const client = createHttpPoster(server.base, 8);
  const tokens = createTokens(server.keys);
  const warmer = createWarmer(server.base, tokens, '/api/reporting/trpc/monthlyReports.mine');
  const period = currentPeriod();
  let next = 0;
  const take = (): BenchMember => {
    const m = members[next++];
    if (!m) throw new Error(`ran out of members after ${members.length} submissions: shorten --seconds`);
    return m;
  };
  let rawCount = 0;
  try {
    const fullCall = async () => {
      const m = take();
      const response = await client.post(SUBMIT_PATH, reportInput(m, period, crypto.randomUUID()), await tokens.cookieFor(m));
      if (response.status !== 200) throw new Error(`monthlyReports.submit answered ${response.status}: ${response.body.slice(0, 200)}`);
    };
    const rawCall = async () => {
      const m = members[rawCount++ % members.length]!;
      const input = reportInput(m, period, crypto.randomUUID());
      const db = await raw.connect();
      try {
        await db.query('begin');
        // A real member's lookup; the report goes under a user id of its own so it never meets the full side's.
        const report = await db.query(INSERT_REPORT, [TENANT, `raw-${crypto.randomUUID()}`, m.userId, period, input.summary, input.ledgerChange, input.study]);
        if (report.rows.length !== 1) throw new Error('raw insert found no member');
        const reportId = report.rows[0].id as string;
        const { idempotencyKey, ...content } = input;
        const event = { reportId, memberId: m.memberId, userId: m.userId, period, ledgerUnchanged: true };
        await db.query(INSERT_VERSION_AND_EVENT, [TENANT, reportId, JSON.stringify(content), idempotencyKey, JSON.stringify(event)]);
        await db.query('commit');
      } catch (error) {
        await db.query('rollback');
        throw error;
      } finally {
        db.release();
      }
    };
    // The report page loads the member's reports before they submit. (report-burst leaves
    // this out: there every token is new.)
    const warmAhead = () => warmer.warm(members.slice(next, next + 3000));
    const result = await measureWrites(options, { full: fullCall, raw: rawCall, warmAhead });
    // Honesty check: every accepted request stored one report, one version and one event.
    await raw.query('analyze reporting.monthly_reports, reporting.monthly_report_versions, reporting.outbox');
    const check = await raw.query(
      `with full_side as (select id from reporting.monthly_reports where tenant_id = $1 and period = $2 and user_id not like 'raw-%')
       select (select count(*)::int from full_side) as reports,
              (select count(*)::int from reporting.monthly_report_versions v join full_side f on f.id = v.report_id where v.tenant_id = $1) as versions,
              (select count(*)::int from reporting.outbox o join full_side f on f.id::text = o.payload->>'reportId' where o.tenant_id = $1) as events`,
      [TENANT, period],
    );
    const { reports, versions, events } = check.rows[0] as { reports: number; versions: number; events: number };
    if (reports !== next || versions !== next || events !== next) throw new Error(`full side: ${next} submissions but ${reports} reports, ${versions} versions, ${events} events`);
    options.log(`full side: ${next} submissions stored ${reports} reports, ${versions} versions, ${events} events`);
    return result;
  } finally {
    client.close();
    warmer.close();
    await raw.end();
    server.stop();
  }
}
