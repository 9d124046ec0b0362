import { chinaMonth } from '@tongxin/calendar';
import type { Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUCHENG } from '../seed/county-plan.ts';
import { seedCounty } from '../seed/seed-county.ts';
import { serviceMigrations } from '../services.ts';
import { markCurrentMonths, rollupLag, scheduleRollups, ROLLUP_SPECS } from './rollup-specs.ts';

const NOW = new Date('2026-11-02T01:00:00Z');
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase(serviceMigrations);
  await seedCounty(database, RUCHENG, () => undefined, NOW);
});
afterAll(() => database.close());

const count = async (query: ReturnType<typeof sql>) => Number((await database.owner.execute(query)).rows[0]!.n);

describe('the rollups poller', () => {
  it('takes what the seed’s writes marked until nothing waits, and the county’s figures are there', async () => {
    // The seed wrote members through the base tables: the triggers marked the month.
    expect(await count(sql`select count(*)::int as n from roster.rollup_marks where tenant_id = ${RUCHENG.tenantId}`)).toBeGreaterThan(0);
    const waiting = async () => {
      let n = 0;
      for (const { spec } of ROLLUP_SPECS) n += await count(sql`select count(*)::int as n from ${spec.tables.rollupMarks}`);
      return n;
    };
    // Marks are stamped by the database's clock: the lag is read at the real time.
    expect(await rollupLag(database, new Date())).toBeGreaterThan(0);
    // The triggers mark by the database's clock (today), so the poller runs on it too.
    const poller = scheduleRollups(database, { intervalMs: 20 });
    try {
      for (let i = 0; i < 600 && (await waiting()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      poller.stop();
    }
    expect(await rollupLag(database, new Date())).toBe(0);
    for (const { spec } of ROLLUP_SPECS) {
      expect(await count(sql`select count(*)::int as n from ${spec.tables.rollupMarks}`)).toBe(0);
    }
    const members = await count(sql`select count(*)::int as n from roster.members where tenant_id = ${RUCHENG.tenantId} and status <> 'transferred_out'`);
    const rolled = await count(sql`select value::int as n from roster.rollups where tenant_id = ${RUCHENG.tenantId} and month = ${chinaMonth(new Date())} and parent_id is null and figure = 'members'`);
    expect(rolled).toBe(members);
  });

  it('the daily mark asks every county the rollups know for the month now running, in every service', async () => {
    const nextMonth = new Date('2026-12-01T01:00:00Z');
    await markCurrentMonths(database, nextMonth);
    const marked = await count(sql`select count(*)::int as n from roster.rollup_marks where tenant_id = ${RUCHENG.tenantId} and month = ${chinaMonth(nextMonth)}`);
    expect(marked).toBe(1);
  });
});
