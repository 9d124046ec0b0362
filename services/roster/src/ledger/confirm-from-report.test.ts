import type { Database, DomainEvent } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { confirmLedgerFromReport } from './confirm-from-report.ts';

let database: Database;
let db: ReturnType<typeof ownerReads>;
beforeAll(async () => {
  database = await createTestDatabase([migrations]);
  await seedRoster(database);
  db = ownerReads(database);
});
afterAll(() => database.close());

const now = new Date('2026-11-03T10:00:00+08:00');
const submitted = (memberId: string, reportId: string, ledgerUnchanged = true, tenantId = 'yx'): DomainEvent => ({
  id: crypto.randomUUID(), tenantId, topic: 'reporting.monthly_report_submitted', createdAt: now,
  payload: { reportId, memberId, userId: 'user-liming', period: '2026-10', ledgerUnchanged },
});

describe('confirmLedgerFromReport', () => {
  it('a report saying "unchanged" confirms the ledger once, as the member', async () => {
    const liming = await db.memberId('李明');
    const before = await db.versions(liming);
    const reportId = crypto.randomUUID();
    const event = submitted(liming, reportId);
    expect(await confirmLedgerFromReport(database, event, now)).toBe('applied');
    expect(await confirmLedgerFromReport(database, event, now)).toBe('duplicate');
    // Another delivery path for the same report (a new event id) still confirms only once.
    expect(await confirmLedgerFromReport(database, submitted(liming, reportId), now)).toBe('applied');
    const versions = await db.versions(liming);
    expect(versions).toHaveLength(before.length + 1);
    expect(versions.at(-1)).toMatchObject({ action: 'confirmed', actor_role: 'member', changes: [] });
    expect(new Date((await db.member(liming)).ledger_confirmed_at).getTime()).toBe(now.getTime());
  });

  it('a report with a ledger update, another topic, or a member not on the roster changes nothing', async () => {
    const lihua = await db.memberId('李华');
    const before = await db.count('member_versions');
    expect(await confirmLedgerFromReport(database, submitted(lihua, crypto.randomUUID(), false), now)).toBe('ignored');
    expect(await confirmLedgerFromReport(database, { ...submitted(lihua, crypto.randomUUID()), topic: 'reporting.checkin_confirmed' }, now)).toBe('ignored');
    expect(await confirmLedgerFromReport(database, submitted(crypto.randomUUID(), crypto.randomUUID()), now)).toBe('ignored');
    // The event's tenant decides: Rucheng has no such member.
    expect(await confirmLedgerFromReport(database, submitted(lihua, crypto.randomUUID(), true, 'rc'), now)).toBe('ignored');
    expect(await db.count('member_versions')).toBe(before);
  });
});
