import { isDeepStrictEqual } from 'node:util';
import { chinaMonth } from '@tongxin/calendar';
import { isTopic, parsePayload, type Topic } from '@tongxin/events';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayOnce, RELAYS } from './relays.ts';
import { YONGXING } from './seed/county-plan.ts';
import { seedYearHistory } from './seed/seed-history.ts';
import { seedDemoReports } from './seed/seed-reporting.ts';
import { seedDemoTasks } from './seed/seed-tasks.ts';
import { createPlatformHarness } from './testing/platform-harness.ts';

// Every event the demo seed (which writes rows by hand) and an API call write, and what the
// consumers write in turn once everything is relayed, read back from the outboxes and parsed
// with its topic's schema (@tongxin/events). TypeScript producers also parse before writing
// (recordEvent, outboxRow); the SQL functions' events are driven in
// services/tasks/src/sql-event-contracts.test.ts.

let h: ServiceHarness;
beforeAll(async () => {
  h = await createPlatformHarness({ members: 20 });
  const now = h.clock.now;
  await seedDemoReports(h.database, YONGXING.tenantId, now);
  await seedYearHistory(h.database, YONGXING.tenantId, now);
  await seedDemoTasks(h.database, YONGXING.tenantId, now);
  // Through the API too: a member added, then changed (roster's TypeScript producers).
  const tenantId = YONGXING.tenantId;
  const township = (await h.database.owner.execute(sql`select id from roster.orgs where tenant_id = ${tenantId} and kind = 'township' order by name limit 1`)).rows[0]!;
  const branch = (await h.database.owner.execute(sql`select id from roster.orgs where tenant_id = ${tenantId} and kind = 'branch' and parent_id = ${township.id} limit 1`)).rows[0]!;
  const secretary = { tenantId, userId: 'sec', roles: [{ role: 'secretary' as const, orgId: township.id as string }] };
  const created = await h.mutate('/api/roster/trpc/members.create', {
    as: secretary, input: { branchId: branch.id, name: '谢永红', status: 'mobile', destinationCity: '福州', idempotencyKey: 'contract-0001' },
  });
  expect(created.error).toBeNull();
  // A monthly report through the API: its event is built in SQL from the inserted row (submitFirstReport).
  const reporter = (await h.database.owner.execute(sql`select user_id, branch_id from reporting.members m where tenant_id = ${tenantId} and user_id is not null
    and not exists (select 1 from reporting.monthly_reports r where r.tenant_id = m.tenant_id and r.user_id = m.user_id and r.period = ${chinaMonth(now)}) limit 1`)).rows[0]!;
  const submitted = await h.mutate('/api/reporting/trpc/monthlyReports.submit', {
    as: { tenantId, userId: reporter.user_id as string, roles: [{ role: 'member' as const, orgId: reporter.branch_id as string }] },
    input: { period: chinaMonth(now), summary: '本月在工地上班，参加了项目部党员学习。', ledgerChange: 'unchanged', idempotencyKey: 'contract-report-0001' },
  });
  expect(submitted.error).toBeNull();
  for (let round = 0; round < 1000 && (await relayOnce(h.database)) > 0; round++);
}, 600_000);
afterAll(() => h.close());

async function outboxRows() {
  const rows: { outbox: string; topic: string; payload: unknown }[] = [];
  for (const { name } of RELAYS) {
    const result = await h.database.owner.execute(sql`select topic, payload from ${sql.identifier(name)}.outbox order by created_at, id`);
    rows.push(...(result.rows as { topic: string; payload: unknown }[]).map((r) => ({ outbox: name, ...r })));
  }
  return rows;
}

describe('event contracts', () => {
  it('every outbox row has a topic with a schema, and its payload parses to itself', async () => {
    const rows = await outboxRows();
    const topics = new Set<Topic>();
    const problems: string[] = [];
    for (const { outbox, topic, payload } of rows) {
      if (!isTopic(topic)) {
        problems.push(`${outbox}: ${topic} has no schema`);
        continue;
      }
      topics.add(topic);
      const parsed = contractProblem(topic, payload);
      if (parsed !== 'ok') problems.push(`${outbox}: ${topic}: ${parsed}`);
    }
    expect(problems).toEqual([]);
    // The seed's hand-written events and the member created above: each was read back.
    expect([...topics].sort()).toEqual(expect.arrayContaining(['reporting.meeting_attended', 'reporting.monthly_report_submitted', 'roster.member_created']));
  });

  it('a payload that drifts is caught: a field renamed, a type changed, a field the contract does not know', () => {
    const report = { reportId: crypto.randomUUID(), memberId: crypto.randomUUID(), userId: 'u', period: '2026-10', ledgerUnchanged: true };
    expect(contractProblem('reporting.monthly_report_submitted', report)).toBe('ok');
    const { ledgerUnchanged, ...rest } = report;
    expect(contractProblem('reporting.monthly_report_submitted', { ...rest, unchanged: ledgerUnchanged })).not.toBe('ok');
    expect(contractProblem('reporting.monthly_report_submitted', { ...report, period: '2026-10-01' })).not.toBe('ok');
    expect(contractProblem('reporting.monthly_report_submitted', { ...report, extra: 1 })).not.toBe('ok');
  });
});

/** 'ok' when the payload parses with its topic's schema and loses nothing; else what is wrong. */
function contractProblem(topic: Topic, payload: unknown): string {
  try {
    const parsed = parsePayload(topic, payload);
    return isDeepStrictEqual(parsed, payload) ? 'ok' : `not in the contract: ${JSON.stringify(payload)}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
