import type { DomainEvent } from '@tongxin/db';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { proposeLostContact } from '../jobs.ts';
import { confirmLedgerFromReport } from '../ledger/confirm-from-report.ts';
import { migrations } from '../migrations.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { noteContactFromEvent } from './last-contact.ts';
import { monthsBefore } from './propose-lost-contact.ts';

// The last contact (brief, "Lost contact") and the 6-month rule that reads it.
let h: ServiceHarness;
let ids: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
const m: Record<string, string> = {};
const DAY = 24 * 3600_000;

const event = (topic: string, payload: object, createdAt: Date, tenantId = 'yx'): DomainEvent => ({ id: crypto.randomUUID(), tenantId, topic, payload, createdAt });
const report = (memberId: string, at: Date, ledgerUnchanged = false) =>
  event('reporting.monthly_report_submitted', { reportId: crypto.randomUUID(), memberId, userId: 'user-liming', period: '2026-11', ledgerUnchanged }, at);
const lastContact = async (name: string) => {
  const row = await db.member(m[name]!);
  return { at: row.last_contact_at ? new Date(row.last_contact_at).toISOString() : null, source: row.last_contact_source };
};
const proposals = async () =>
  (await db.rows(sql`select member_id, source, status from roster.lost_contact_proposals order by proposed_at, member_id`)).map((p) => ({ ...p, member_id: nameOf(p.member_id) }));
const nameOf = (id: string) => Object.entries(m).find(([, v]) => v === id)?.[0];

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  as = callers(ids);
  db = ownerReads(h.database);
  for (const name of ['李华', '李明', '曹德胜']) m[name] = await db.memberId(name);
  m['朱国平'] = await db.memberId('朱国平', 'rc');
});
afterAll(() => h.close());

describe('the last contact', () => {
  it('a monthly report, a meeting and a check-in are contacts; it only moves forward, so a redelivery or a late event changes nothing', async () => {
    const now = new Date('2026-11-20T10:00:00+08:00');
    const first = report(m['李明']!, new Date('2026-11-05T09:00:00+08:00'));
    expect(await noteContactFromEvent(h.database, first, now)).toBe('applied');
    expect(await lastContact('李明')).toEqual({ at: '2026-11-05T01:00:00.000Z', source: 'monthly_report' });
    await noteContactFromEvent(h.database, first, now);
    // A meeting earlier than the report, delivered later: the report stays the last contact.
    await noteContactFromEvent(h.database, event('reporting.meeting_attended', {
      meetingId: crypto.randomUUID(), memberId: m['李明'], userId: 'user-liming', attendance: 'in_person', kind: 'party_day', startsAt: '2026-11-01T01:00:00.000Z',
    }, now), now);
    expect(await lastContact('李明')).toEqual({ at: '2026-11-05T01:00:00.000Z', source: 'monthly_report' });
    await noteContactFromEvent(h.database, event('reporting.meeting_attended', {
      meetingId: crypto.randomUUID(), memberId: m['李明'], userId: 'user-liming', attendance: 'reported', kind: 'party_day', startsAt: '2026-11-10T01:00:00.000Z',
    }, now), now);
    expect(await lastContact('李明')).toEqual({ at: '2026-11-10T01:00:00.000Z', source: 'meeting' });
    await noteContactFromEvent(h.database, event('reporting.checkin_accepted', {
      checkinId: crypto.randomUUID(), memberTenantId: 'yx', memberId: m['李明'], granteeTenantId: 'rc', granteeOrgId: crypto.randomUUID(), granteeOrgPath: '/x/',
      fields: [], grantedBy: 'sec-rc', grantedAt: '2026-11-15T01:00:00.000Z',
    }, now, 'rc'), now);
    expect(await lastContact('李明')).toEqual({ at: '2026-11-15T01:00:00.000Z', source: 'checkin' });
    // A contact dated after now counts as now.
    await noteContactFromEvent(h.database, report(m['李明']!, new Date('2027-01-01T00:00:00Z')), now);
    expect(await lastContact('李明')).toEqual({ at: now.toISOString(), source: 'monthly_report' });
  });

  it('a report confirming the ledger unchanged notes the contact in its own statement; other topics and other counties change nothing', async () => {
    const at = new Date('2026-11-06T09:00:00+08:00');
    expect(await noteContactFromEvent(h.database, report(m['李华']!, at, true), at)).toBe('ignored');
    expect(await lastContact('李华')).toEqual({ at: null, source: null });
    expect(await confirmLedgerFromReport(h.database, report(m['李华']!, at, true), at)).toBe('applied');
    expect(await lastContact('李华')).toEqual({ at: at.toISOString(), source: 'monthly_report' });
    expect(await noteContactFromEvent(h.database, event('tasks.claimed', {}, at), at)).toBe('ignored');
    // A meeting in Rucheng naming a Yongxing member: not on Rucheng's roster, nothing written.
    await noteContactFromEvent(h.database, event('reporting.meeting_attended', {
      meetingId: crypto.randomUUID(), memberId: m['李华'], userId: null, attendance: 'in_person', kind: 'party_day', startsAt: '2026-11-19T01:00:00.000Z',
    }, at, 'rc'), new Date('2026-11-20T00:00:00Z'));
    expect(await lastContact('李华')).toEqual({ at: at.toISOString(), source: 'monthly_report' });
  });

  it("a secretary's attempt that reached the member is a contact; one that did not is not", async () => {
    h.clock.now = new Date('2026-11-25T10:00:00+08:00');
    const attempt = (result: string, attemptedOn: string) => h.mutate('/api/roster/trpc/mobility.recordContactAttempt', {
      as: as.secretaryOf('matian'), input: { memberId: m['李华'], attemptedOn, channel: 'phone', result, idempotencyKey: crypto.randomUUID() },
    });
    expect((await attempt('no_answer', '2026-11-24')).error).toBeNull();
    expect((await lastContact('李华')).source).toBe('monthly_report');
    expect((await attempt('reached', '2026-11-25')).error).toBeNull();
    expect(await lastContact('李华')).toEqual({ at: '2026-11-24T16:00:00.000Z', source: 'contact_attempt' });
  });
});

describe('the 6-month rule (daily job)', () => {
  it('proposes 失联 for a mobile member without contact for 6 months, once; a contact before the day prevents it', async () => {
    // 李明's last contact is 20 November, 李华's 25 November (above); 曹德胜 is at home.
    const day = (date: string) => new Date(`${date}T09:00:00+08:00`);
    expect(await proposeLostContact(h.database, day('2027-05-19'))).toEqual(expect.arrayContaining([{ tenantId: 'yx', proposed: 0 }]));
    // Dues paid by 李华 on 1 May, recorded by the branch secretary the next day.
    h.clock.now = day('2027-05-02');
    const secretary = as.secretaryOf('yongshuiMobile');
    const dues = (name: string, input: object) => h.mutate(`/api/roster/trpc/dues.${name}`, { as: secretary, input });
    expect((await dues('setMember', { memberId: m['李华'], schedule: 'monthly', band: 'upto_3000', monthlyDueFen: 150, dueFrom: '2027-01' })).error).toBeNull();
    expect((await dues('record', { memberId: m['李华'], period: '2027-05', paidFen: 150, paidOn: '2027-05-01', idempotencyKey: crypto.randomUUID() })).error).toBeNull();
    expect((await proposeLostContact(h.database, day('2027-05-20'))).find((r) => r.tenantId === 'yx')).toEqual({ tenantId: 'yx', proposed: 1 });
    expect(await proposals()).toEqual([{ member_id: '李明', source: 'no_contact', status: 'pending' }]);
    // The next day, and again after the secretary dismissed it: nothing new until a newer contact lapses.
    expect((await proposeLostContact(h.database, day('2027-05-21'))).find((r) => r.tenantId === 'yx')!.proposed).toBe(0);
    const [proposal] = await db.rows(sql`select id from roster.lost_contact_proposals where member_id = ${m['李明']}`);
    h.clock.now = day('2027-05-21');
    const dismissed = await h.mutate('/api/roster/trpc/mobility.decideLostContact', { as: as.secretaryOf('matian'), input: { proposalId: proposal.id, decision: 'dismiss' } });
    expect(dismissed.error).toBeNull();
    expect((await proposeLostContact(h.database, day('2027-06-01'))).find((r) => r.tenantId === 'yx')!.proposed).toBe(0);
    // 李华's dues on 1 May: proposed on 1 November, six months on.
    expect((await proposeLostContact(h.database, day('2027-10-31'))).find((r) => r.tenantId === 'yx')!.proposed).toBe(0);
    expect((await proposeLostContact(h.database, day('2027-11-01'))).find((r) => r.tenantId === 'yx')!.proposed).toBe(1);
    expect((await proposals()).map((p) => [p.member_id, p.source, p.status])).toEqual([
      ['李明', 'no_contact', 'dismissed'], ['李华', 'no_contact', 'pending'],
    ]);
  });

  it('the secretary sees why: the rule, the last contact and what it was', async () => {
    h.clock.now = new Date('2027-11-01T10:00:00+08:00');
    const listed = await h.query('/api/roster/trpc/mobility.lostContactProposals', { as: as.secretaryOf('matian'), input: { status: 'pending' } });
    expect(listed.data).toEqual([expect.objectContaining({ name: '李华', source: 'no_contact', lastContactAt: '2027-04-30T16:00:00.000Z', lastContactSource: 'dues' })]);
  });

  it('six months back is the same day, or the last day of a shorter month', () => {
    expect(monthsBefore('2026-12-07', 6)).toBe('2026-06-07');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2028-08-31', 6)).toBe('2028-02-29');
    expect(monthsBefore('2027-03-15', 6)).toBe('2026-09-15');
  });
});

describe('members.list: no contact for N months', () => {
  it('a secretary filters their members by months without contact and reads each one’s last contact', async () => {
    h.clock.now = new Date('2027-06-10T10:00:00+08:00');
    const list = (input: object, caller = as.secretaryOf('matian')) => h.query('/api/roster/trpc/members.list', { as: caller, input });
    const six = await list({ noContactMonths: 6 });
    expect(six.error).toBeNull();
    // 李明 (20 November) and the members never contacted since they were entered (today, in this test's real time) or not.
    const names = (six.data as { items: { name: string }[] }).items.map((i) => i.name);
    expect(names).toContain('李明');
    expect(names).not.toContain('李华');
    const all = await list({});
    expect((all.data as { items: { name: string; lastContactSource: string | null }[] }).items.find((i) => i.name === '李华')).toMatchObject({ lastContactSource: 'dues' });
    expect((await list({ noContactMonths: 0 })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { noContactMonths: expect.any(String) } });
    expect((await list({ noContactMonths: 6 }, as.memberAs('user-liming', 'yongshuiMobile'))).error?.code).toBe('FORBIDDEN');
    // Another county's department sees none of Yongxing's members.
    const rc = await list({ noContactMonths: 1 }, as.department('rc'));
    expect((rc.data as { items: { name: string }[] }).items.map((i) => i.name)).not.toContain('李明');
  });
});

describe('mobility.lostContactRegisters', () => {
  it('lists the members lost contact with their last contact, and those found again in the year, for the secretary’s subtree', async () => {
    h.clock.now = new Date('2027-11-02T10:00:00+08:00');
    const [pending] = await db.rows(sql`select id from roster.lost_contact_proposals where member_id = ${m['李华']} and status = 'pending'`);
    const secretary = as.secretaryOf('matian');
    expect((await h.mutate('/api/roster/trpc/mobility.decideLostContact', { as: secretary, input: { proposalId: pending.id, decision: 'confirm', reason: 1 } })).error).toBeNull();
    const registers = (input: object, caller = secretary) => h.query('/api/roster/trpc/mobility.lostContactRegisters', { as: caller, input });
    expect((await registers({})).data).toEqual({
      orgName: '马田镇党委',
      lost: [expect.objectContaining({ name: '李华', since: '2027-11-02', reason: 1, lastContactAt: '2027-04-30T16:00:00.000Z', lastContactSource: 'dues', failedAttempts: 0 })],
      recontacted: [],
    });
    h.clock.now = new Date('2027-11-20T10:00:00+08:00');
    expect((await h.mutate('/api/roster/trpc/mobility.markRecontacted', { as: secretary, input: { memberId: m['李华'], idempotencyKey: crypto.randomUUID() } })).error).toBeNull();
    const after = (await registers({ year: 2027 })).data as { lost: unknown[]; recontacted: unknown[] };
    expect(after.lost).toEqual([]);
    expect(after.recontacted).toEqual([expect.objectContaining({ name: '李华', lostSince: '2027-11-02', reason: 1, status: 'resident', recontactedAt: '2027-11-20T02:00:00.000Z' })]);
    // Re-contact is itself a contact: the 6-month clock starts again.
    expect(await lastContact('李华')).toEqual({ at: '2027-11-20T02:00:00.000Z', source: 'contact_attempt' });
    expect(((await registers({ year: 2026 })).data as { recontacted: unknown[] }).recontacted).toEqual([]);
  });

  it('another branch’s secretary and another county see nothing; a member is FORBIDDEN; a bad year is BAD_REQUEST', async () => {
    const registers = (input: object, caller: ReturnType<typeof as.department>) => h.query('/api/roster/trpc/mobility.lostContactRegisters', { as: caller, input });
    expect((await registers({ year: 2027 }, as.secretaryOf('huangcao'))).data).toMatchObject({ lost: [], recontacted: [] });
    expect((await registers({ year: 2027 }, as.department('rc'))).data).toMatchObject({ lost: [], recontacted: [] });
    expect((await registers({}, as.memberAs('user-liming', 'yongshuiMobile'))).error?.code).toBe('FORBIDDEN');
    expect((await registers({ year: 1999 }, as.department())).error).toMatchObject({ code: 'BAD_REQUEST', fields: { year: expect.any(String) } });
    expect((await registers({ orgId: ids['reshui'] }, as.department())).error?.code).toBe('NOT_FOUND');
  });
});
