import type { Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceMigrations } from '../services.ts';
import { RUCHENG } from './county-plan.ts';
import { seedCounty } from './seed-county.ts';
import { seedYearHistory } from './seed-history.ts';
import { seedDemoReports } from './seed-reporting.ts';

const NOW = new Date('2026-11-02T01:00:00Z');
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase(serviceMigrations);
  await seedCounty(database, RUCHENG, () => undefined, NOW);
});
afterAll(() => database.close());

const rows = async (query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows as Record<string, any>[];

describe("reporting's seed", () => {
  it("reporting's members are roster's members, with the same path and status", async () => {
    const [diff] = await rows(sql`
      select (select count(*)::int from roster.members where tenant_id = ${RUCHENG.tenantId}) as roster,
             (select count(*)::int from reporting.members where tenant_id = ${RUCHENG.tenantId}) as reporting,
             (select count(*)::int from roster.members m join reporting.members r on r.tenant_id = m.tenant_id and r.member_id = m.id
               and r.org_path = m.org_path and r.status = m.status::text and r.branch_id = m.branch_id and r.user_id is not distinct from m.user_id::text) as same`);
    expect(diff!.reporting).toBe(diff!.roster);
    expect(diff!.same).toBe(diff!.roster);
  });

  it("last month's demo reports: about 80% of those required, each with version 1, and a second run adds none", async () => {
    const stored = await seedDemoReports(database, RUCHENG.tenantId, NOW);
    expect(await seedDemoReports(database, RUCHENG.tenantId, NOW)).toBe(0);
    const [counts] = await rows(sql`
      select (select count(*)::int from reporting.members where tenant_id = ${RUCHENG.tenantId} and status in ('mobile', 'lost_contact') and user_id is null) as required,
             (select count(*)::int from reporting.monthly_reports where period = '2026-10') as reports,
             (select count(*)::int from reporting.monthly_report_versions) as versions`);
    expect(counts!.reports).toBe(stored);
    expect(counts!.versions).toBe(stored);
    expect(stored / counts!.required).toBeGreaterThan(0.7);
    expect(stored / counts!.required).toBeLessThan(0.9);
  });

  it('the year so far: reports January to September with their events, no report from a stale ledger, and a Spring Festival meeting per branch', async () => {
    const [reports, attended] = await seedYearHistory(database, RUCHENG.tenantId, NOW);
    expect(reports).toBeGreaterThan(0);
    expect(attended).toBeGreaterThan(0);
    expect(await seedYearHistory(database, RUCHENG.tenantId, NOW)).toEqual([0, 0]);
    const [counts] = await rows(sql`
      select (select array_agg(distinct period order by period) from reporting.monthly_reports where tenant_id = ${RUCHENG.tenantId}) as periods,
             (select count(*)::int from reporting.monthly_reports where tenant_id = ${RUCHENG.tenantId}) as reports,
             (select count(*)::int from reporting.outbox where tenant_id = ${RUCHENG.tenantId} and topic = 'reporting.monthly_report_submitted') as report_events,
             (select count(*)::int from reporting.monthly_reports r join roster.members m on m.tenant_id = r.tenant_id and m.id = r.member_id
               where r.tenant_id = ${RUCHENG.tenantId} and m.ledger_confirmed_at < ${new Date(NOW.getTime() - 30 * 86_400_000).toISOString()}::timestamptz) as from_stale,
             (select count(*)::int from reporting.meetings where tenant_id = ${RUCHENG.tenantId}) as meetings,
             (select count(*)::int from roster.orgs where tenant_id = ${RUCHENG.tenantId} and kind in ('branch', 'mobile_branch')) as branches,
             (select count(*)::int from reporting.outbox where tenant_id = ${RUCHENG.tenantId} and topic = 'reporting.meeting_attended') as attended_events`);
    expect(counts!.periods).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(counts!.report_events).toBe(counts!.reports);
    expect(counts!.from_stale).toBe(0);
    expect(counts!.meetings).toBe(counts!.branches);
    expect(counts!.attended_events).toBe(attended);
  });
});
