import type { Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { proposePlacements } from '@tongxin/roster';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceMigrations } from '../services.ts';
import { RUCHENG, YONGXING } from './county-plan.ts';
import { planCounty } from './seed-county.ts';
import { demoAnchor, seedWithProgress } from './seed-demo.ts';
import { seedYearHistory } from './seed-history.ts';
import { seedDemoReports } from './seed-reporting.ts';

// Two fresh starts on one day (09:00 and 20:00 Beijing time) must show the same demo.
const MORNING = new Date('2026-11-02T09:00:00+08:00');
const EVENING = new Date('2026-11-02T20:00:00+08:00');
const opened: Database[] = [];
afterAll(() => Promise.all(opened.map((d) => d.close())));

/**
 * Rucheng seeded as the demo seeds it and the 6-month rule run: what a user sees, by name.
 * A branch's points are the reports and attendances the relay scores, so those are
 * compared per branch (relaying them all would make this test minutes long).
 */
async function freshStart(at: Date) {
  const database = await createTestDatabase(serviceMigrations);
  opened.push(database);
  const now = demoAnchor(at);
  await seedWithProgress(database, RUCHENG, () => undefined, now);
  await seedDemoReports(database, RUCHENG.tenantId, now);
  await seedYearHistory(database, RUCHENG.tenantId, now);
  await proposePlacements(database, now);
  const rows = async (query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows;
  return {
    namesPerBranch: await rows(sql`
      select o.name as branch, string_agg(m.name, ',' order by m.name, m.id_card_number) as names
      from roster.members m join roster.orgs o on o.tenant_id = m.tenant_id and o.id = m.branch_id
      where m.tenant_id = ${RUCHENG.tenantId} group by o.name order by o.name`),
    branchTotals: await rows(sql`
      select o.name as branch,
        (select count(*)::int from reporting.monthly_reports r join reporting.members m on m.tenant_id = r.tenant_id and m.member_id = r.member_id
         where r.tenant_id = o.tenant_id and m.branch_id = o.id) as reports,
        (select count(*)::int from reporting.attendance a join reporting.members m on m.tenant_id = a.tenant_id and m.member_id = a.member_id
         where a.tenant_id = o.tenant_id and m.branch_id = o.id) as attendances
      from roster.orgs o where o.tenant_id = ${RUCHENG.tenantId} order by o.name`),
    reportsPerMonth: await rows(sql`
      select period, count(*)::int as reports from reporting.monthly_reports where tenant_id = ${RUCHENG.tenantId} group by period order by period`),
    placementTargets: await rows(sql`
      select m.name, m.id_card_number as id_card, f.name as from_branch, t.name as to_branch
      from roster.placement_proposals p join roster.members m on m.tenant_id = p.tenant_id and m.id = p.member_id
      join roster.orgs f on f.tenant_id = p.tenant_id and f.id = p.from_branch_id
      left join roster.orgs t on t.tenant_id = p.tenant_id and t.id = p.to_branch_id
      where p.tenant_id = ${RUCHENG.tenantId} order by m.id_card_number`),
  };
}

describe('the demo seed', () => {
  it('plans the same tree and members, ids included, for the same day', () => {
    const plan = (at: Date) => {
      const { tree, members } = planCounty(YONGXING, demoAnchor(at));
      return { orgs: tree.orgs, members };
    };
    expect(plan(EVENING)).toEqual(plan(MORNING));
  });

  it('shows the same branch totals, members per branch and placement targets on two fresh starts', async () => {
    const first = await freshStart(MORNING);
    const second = await freshStart(EVENING);
    // The demo has something to compare: points in branches, reports, proposals with a target.
    expect(first.branchTotals.filter((b) => Number(b.reports) > 0 && Number(b.attendances) > 0).length).toBeGreaterThan(2);
    expect(first.reportsPerMonth.length).toBe(10);
    expect(first.placementTargets.some((p) => p.to_branch !== null)).toBe(true);
    expect(second).toEqual(first);
  }, 240_000); // two databases migrated and seeded: ~25 s alone, over 2 min beside the 10,000-member seed on 2 cores
});
