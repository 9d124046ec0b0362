import type { Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceMigrations } from '../services.ts';
import { YONGXING } from './county-plan.ts';
import { demoAnchor, seedWithProgress } from './seed-demo.ts';
import { seedDemoDues } from './seed-dues.ts';

const opened: Database[] = [];
afterAll(() => Promise.all(opened.map((d) => d.close())));

async function freshStart(at: Date) {
  const database = await createTestDatabase(serviceMigrations);
  opened.push(database);
  const now = demoAnchor(at);
  await seedWithProgress(database, YONGXING, () => undefined, now);
  const count = await seedDemoDues(database, YONGXING, now);
  const rows = async (query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows as Record<string, unknown>[];
  return {
    count,
    payments: await rows(sql`select p.id, m.name, p.period, p.paid_fen, p.paid_on::text, p.place from roster.dues_payments p
      join roster.members m on m.tenant_id = p.tenant_id and m.id = p.member_id order by p.id`),
    settings: await rows(sql`select m.name, d.schedule, d.band, d.monthly_due_fen, d.due_from from roster.dues_members d
      join roster.members m on m.tenant_id = d.tenant_id and m.id = d.member_id order by m.id_card_number, m.id`),
    // A payment is contact (the 6-month rule): no member's last contact is before their last payment.
    contactBeforePayment: await rows(sql`select m.name from roster.members m join roster.dues_payments p on p.tenant_id = m.tenant_id and p.member_id = m.id
      where m.last_contact_at is null or m.last_contact_at < (p.paid_on::timestamp at time zone 'Asia/Shanghai')`),
  };
}

// Issue 17: the demo's dues records, the same on two fresh starts of one day (09:00 and 20:00).
describe('the demo’s dues records', () => {
  it('give 李明’s branch three months of records, this month unpaid, the same ids and dates on every start of the day', async () => {
    const morning = await freshStart(new Date('2026-11-02T09:00:00+08:00'));
    const evening = await freshStart(new Date('2026-11-02T20:00:00+08:00'));
    expect(morning.count).toBeGreaterThan(5);
    expect(evening).toEqual(morning);
    const periods = new Set(morning.payments.map((p) => p.period));
    expect(periods.has('2026-11')).toBe(false);
    expect([...periods].sort()).toEqual(expect.arrayContaining(['2026-08', '2026-09', '2026-10']));
    expect(morning.payments.filter((p) => p.name === '李明').map((p) => p.period).sort()).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(morning.settings.every((s) => s.due_from === '2026-08')).toBe(true);
    expect(morning.contactBeforePayment).toEqual([]);
  }, 300_000);
});
