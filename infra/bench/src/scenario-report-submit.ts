import pg from 'pg';
import { describe, measure } from './measure.ts';
import type { ScenarioResult } from './scenario-me.ts';
import {
  createHttpPoster, createTokens, currentPeriod, prepareCounty, reportInput, startWithKeys, SUBMIT_PATH, TENANT, type BenchMember,
} from './scenario-report-stack.ts';

// The statements monthlyReports.submit sends for a first submission
// (services/reporting/src/monthly-reports/submit-monthly-report.ts), sent raw as the owner
// (no RLS, no tenant settings): find the caller's member, insert the report, version 1 and
// the outbox event, in one transaction.
const FIND_MEMBER = `select member_id, name, status from reporting.members where tenant_id = $1 and user_id = $2`;
const INSERT_REPORT = `insert into reporting.monthly_reports (tenant_id, user_id, member_id, period, summary, ledger_change, study, help_wanted, submitted_at, updated_at)
  values ($1, $2, $3, $4, $5, $6, $7, false, now(), now()) on conflict do nothing returning id`;
const INSERT_VERSION = `insert into reporting.monthly_report_versions (tenant_id, report_id, version, content, idempotency_key, at) values ($1, $2, 1, $3, $4, now())`;
const INSERT_EVENT = `insert into reporting.outbox (tenant_id, topic, payload) values ($1, 'reporting.monthly_report_submitted', $2)`;

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
      // A real member's lookup; the report goes under a user id of its own so it never meets the full side's.
      const m = members[rawCount++ % members.length]!;
      const input = reportInput(m, period, crypto.randomUUID());
      const db = await raw.connect();
      try {
        await db.query('begin');
        const found = await db.query(FIND_MEMBER, [TENANT, m.userId]);
        if (found.rows.length !== 1) throw new Error('raw lookup found no member');
        const report = await db.query(INSERT_REPORT, [TENANT, `raw-${crypto.randomUUID()}`, m.memberId, period, input.summary, input.ledgerChange, input.study]);
        const reportId = report.rows[0].id as string;
        await db.query(INSERT_VERSION, [TENANT, reportId, JSON.stringify(input), input.idempotencyKey]);
        await db.query(INSERT_EVENT, [TENANT, JSON.stringify({ reportId, memberId: m.memberId, userId: m.userId, period, ledgerUnchanged: true })]);
        await db.query('commit');
      } catch (error) {
        await db.query('rollback');
        throw error;
      } finally {
        db.release();
      }
    };
    const warmAhead = () => tokens.warm(members.slice(next, next + 3000));

    await warmAhead();
    await measure(fullCall, 8, 1000);
    await measure(rawCall, 8, 1000);
    const result: ScenarioResult = { full: [], raw: [] };
    for (const concurrency of [1, 8]) {
      await warmAhead();
      const full = await measure(fullCall, concurrency, options.durationMs);
      const straight = await measure(rawCall, concurrency, options.durationMs);
      options.log(describe(`full stack (${options.driver})`, full));
      options.log(describe('raw pg statements', straight));
      result.full.push(full);
      result.raw.push(straight);
    }
    // Honesty check: every accepted request stored one report, one version and one event.
    const check = await raw.query(
      `select (select count(*)::int from reporting.monthly_reports where tenant_id = $1 and period = $2 and user_id not like 'raw-%') as reports,
              (select count(*)::int from reporting.monthly_report_versions v join reporting.monthly_reports r on r.tenant_id = v.tenant_id and r.id = v.report_id
                 where r.tenant_id = $1 and r.period = $2 and r.user_id not like 'raw-%') as versions,
              (select count(*)::int from reporting.outbox o where o.tenant_id = $1 and o.payload->>'period' = $2
                 and exists (select 1 from reporting.monthly_reports r where r.tenant_id = o.tenant_id and r.id = (o.payload->>'reportId')::uuid and r.user_id not like 'raw-%')) as events`,
      [TENANT, period],
    );
    const { reports, versions, events } = check.rows[0] as { reports: number; versions: number; events: number };
    if (reports !== next || versions !== next || events !== next) throw new Error(`full side: ${next} submissions but ${reports} reports, ${versions} versions, ${events} events`);
    options.log(`full side: ${next} submissions stored ${reports} reports, ${versions} versions, ${events} events`);
    return result;
  } finally {
    client.close();
    await raw.end();
    server.stop();
  }
}
