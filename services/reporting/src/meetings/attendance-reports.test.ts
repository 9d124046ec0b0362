import type { RoleGrant } from '@tongxin/auth';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, department, meetingInput, meetingsHarness, memberAs, memberIds, orgs, paths, secretaryOf, type OrgName } from './meetings-fixture.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await meetingsHarness();
});
afterAll(() => h.close());

/** Schedules a meeting of `org` at `startsAt` (Beijing time), two hours long, with the clock set a week before it. */
async function scheduleAt(org: OrgName, startsAt: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const start = new Date(startsAt);
  h.clock.now = new Date(start.getTime() - 7 * 24 * 3600_000);
  const input = meetingInput(h, org, { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), ...overrides });
  const result = await call.mutate(h, 'schedule', secretaryOf(org), input);
  expect(result.error).toBeNull();
  return result.data.meetingId;
}
async function attend(meetingId: string, org: OrgName, entries: [keyof typeof memberIds, string][]) {
  const result = await call.mutate(h, 'recordAttendance', secretaryOf(org), { meetingId, entries: entries.map(([who, attendance]) => ({ memberId: memberIds[who], attendance })) });
  expect(result.error).toBeNull();
}

describe("a branch's monthly attendance report", () => {
  it('counts attendance by kind per meeting, with 视同参会 as attended, and the month’s rate', async () => {
    const lecture = await scheduleAt('yxB1', '2026-05-08T19:00:00+08:00', { kind: 'party_lecture' });
    const themed = await scheduleAt('yxB1', '2026-05-20T19:00:00+08:00', { kind: 'themed_party_day', mode: 'online', location: undefined });
    const cancelled = await scheduleAt('yxB1', '2026-05-25T19:00:00+08:00');
    // 07:00 on 1 June in Beijing is still 31 May in UTC: it belongs to June.
    const june = await scheduleAt('yxB1', '2026-06-01T07:00:00+08:00');
    const other = await scheduleAt('yxB2', '2026-05-12T19:00:00+08:00');

    h.clock.now = new Date('2026-05-09T08:00:00+08:00');
    await call.mutate(h, 'reportInstead', memberAs('li'), { meetingId: lecture, report: '在东莞，自学党课内容。' });
    await attend(lecture, 'yxB1', [['zhang', 'in_person'], ['wang', 'absent']]);
    h.clock.now = new Date('2026-05-21T08:00:00+08:00');
    await attend(themed, 'yxB1', [['zhang', 'online'], ['li', 'excused']]);
    h.clock.now = new Date('2026-05-18T08:00:00+08:00');
    await call.mutate(h, 'cancel', secretaryOf('yxB1'), { meetingId: cancelled });
    h.clock.now = new Date('2026-06-02T08:00:00+08:00');
    await attend(june, 'yxB1', [['zhang', 'in_person']]);

    const report = await call.query(h, 'monthlyReport', secretaryOf('yxB1'), { orgId: orgs.yxB1, period: '2026-05' });
    expect(report.error).toBeNull();
    expect(report.data.meetings.map((m: { meetingId: string }) => m.meetingId)).toEqual([lecture, themed]);
    expect(report.data.meetings[0]).toMatchObject({ kind: 'party_lecture', members: 3, inPerson: 1, online: 0, reported: 1, excused: 0, absent: 1, unrecorded: 0, attended: 2, rate: 0.6667 });
    expect(report.data.meetings[1]).toMatchObject({ kind: 'themed_party_day', inPerson: 0, online: 1, excused: 1, unrecorded: 1, attended: 1, rate: 0.3333 });
    expect(report.data).toMatchObject({ orgId: orgs.yxB1, period: '2026-05', attended: 3, expected: 6, rate: 0.5 });

    const june2026 = (await call.query(h, 'monthlyReport', secretaryOf('yxB1'), { orgId: orgs.yxB1, period: '2026-06' })).data;
    expect(june2026.meetings.map((m: { meetingId: string }) => m.meetingId)).toEqual([june]);

    // The township sees its branches' meetings; the department too.
    const township = (await call.query(h, 'monthlyReport', secretaryOf('yxT1'), { orgId: orgs.yxT1, period: '2026-05' })).data;
    expect(township.meetings.map((m: { meetingId: string }) => m.meetingId)).toEqual([lecture, other, themed]);
    expect((await call.query(h, 'monthlyReport', department(), { orgId: orgs.yxB1, period: '2026-05' })).data.rate).toBe(0.5);
  });

  it('a month without meetings has no rate', async () => {
    const report = (await call.query(h, 'monthlyReport', secretaryOf('yxB3'), { orgId: orgs.yxB3, period: '2026-02' })).data;
    expect(report).toMatchObject({ meetings: [], attended: 0, expected: 0, rate: null });
  });

  it('an org of one’s own that has no members yet has an empty report, not NOT_FOUND', async () => {
    const newBranch = crypto.randomUUID();
    await h.database.owner.execute(sql`
      insert into reporting.org_directory (tenant_id, org_id, name, path) values ('yx', ${newBranch}, '新支部', ${`${paths.yxT2}${newBranch}/`})`);
    const secretary = { tenantId: 'yx', userId: 'sec-new', roles: [{ role: 'secretary', orgId: newBranch }] as RoleGrant[] };
    expect((await call.query(h, 'monthlyReport', secretary, { orgId: newBranch, period: '2026-05' })).data).toMatchObject({ orgId: newBranch, meetings: [], attended: 0, expected: 0, rate: null });
    expect((await call.query(h, 'yearlyInPerson', secretary, { orgId: newBranch, year: 2026 })).data).toMatchObject({ attended: [], notYet: [], atRisk: [] });
    // Its township's secretary reads it too; a sibling township's does not, nor an unknown org.
    expect((await call.query(h, 'monthlyReport', secretaryOf('yxT2'), { orgId: newBranch, period: '2026-05' })).error).toBeNull();
    expect((await call.query(h, 'monthlyReport', secretaryOf('yxT1'), { orgId: newBranch, period: '2026-05' })).error?.code).toBe('NOT_FOUND');
    expect((await call.query(h, 'monthlyReport', department(), { orgId: crypto.randomUUID(), period: '2026-05' })).error?.code).toBe('NOT_FOUND');
  });

  it('another branch, another township and another county cannot read it; a member may not; a bad period is refused', async () => {
    for (const who of [secretaryOf('yxB2'), secretaryOf('yxT2'), department('rc')]) {
      expect((await call.query(h, 'monthlyReport', who, { orgId: orgs.yxB1, period: '2026-05' })).error?.code).toBe('NOT_FOUND');
      expect((await call.query(h, 'yearlyInPerson', who, { orgId: orgs.yxB1, year: 2026 })).error?.code).toBe('NOT_FOUND');
    }
    expect((await call.query(h, 'monthlyReport', memberAs('zhang'), { orgId: orgs.yxB1, period: '2026-05' })).error?.code).toBe('FORBIDDEN');
    expect((await call.query(h, 'yearlyInPerson', memberAs('zhang'), { orgId: orgs.yxB1, year: 2026 })).error?.code).toBe('FORBIDDEN');
    expect((await call.query(h, 'monthlyReport', secretaryOf('yxB1'), { orgId: orgs.yxB1, period: '2026-5' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { period: 'invalid_format' } });
    expect((await call.query(h, 'yearlyInPerson', secretaryOf('yxB1'), { orgId: orgs.yxB1, year: 26.5 })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { year: expect.any(String) } });
  });
});

describe('the in-person rule: at least once a year in person', () => {
  it('shows who has not attended in person yet, who is at risk from October, across a year-end', async () => {
    // Branch 3 has one member (钱七); the township's meetings count for them too.
    const qingming = await scheduleAt('yxT2', '2026-04-04T09:00:00+08:00');
    const online = await scheduleAt('yxB3', '2026-09-10T20:00:00+08:00', { mode: 'online', location: undefined });
    h.clock.now = new Date('2026-09-11T08:00:00+08:00');
    await attend(online, 'yxB3', [['qian', 'online']]);
    h.clock.now = new Date('2026-04-05T08:00:00+08:00');
    await attend(qingming, 'yxT2', [['qian', 'excused']]);

    const yearly = async (year: number, now: string) => {
      h.clock.now = new Date(now);
      const result = await call.query(h, 'yearlyInPerson', secretaryOf('yxT2'), { orgId: orgs.yxB3, year });
      expect(result.error).toBeNull();
      return result.data;
    };
    // Online attendance does not satisfy the rule; before October nobody is at risk yet.
    expect(await yearly(2026, '2026-09-30T23:59:00+08:00')).toMatchObject({ attended: [], notYet: [{ memberId: memberIds.qian, name: '钱七' }], atRisk: [] });
    // From 1 October (Beijing time) without an in-person meeting ahead: at risk.
    expect((await yearly(2026, '2026-10-01T00:00:00+08:00')).atRisk).toEqual([{ memberId: memberIds.qian, name: '钱七' }]);

    // Spring Festival is in February 2027: a meeting then does not save 2026.
    const springFestival = await scheduleAt('yxB3', '2027-02-10T09:00:00+08:00');
    const midAutumn = await scheduleAt('yxB3', '2026-12-28T09:00:00+08:00');
    h.clock.now = new Date('2026-12-01T09:00:00+08:00');
    await call.mutate(h, 'respond', memberAs('qian'), { meetingId: springFestival, response: 'in_person' });
    expect((await yearly(2026, '2026-12-01T09:00:00+08:00')).atRisk).toHaveLength(1);
    // Saying they will come in person to a meeting this year takes them off the at-risk list.
    await call.mutate(h, 'respond', memberAs('qian'), { meetingId: midAutumn, response: 'in_person' });
    expect(await yearly(2026, '2026-12-01T09:00:00+08:00')).toMatchObject({ notYet: [{ name: '钱七' }], atRisk: [] });

    // The meeting is held, but they did not come: after it they are at risk again.
    h.clock.now = new Date('2026-12-28T12:00:00+08:00');
    await attend(midAutumn, 'yxB3', [['qian', 'absent']]);
    expect((await yearly(2026, '2026-12-28T12:00:00+08:00')).atRisk).toHaveLength(1);

    // The year ends: 2026 is closed (missed, nobody "at risk"); 2027 starts with nobody at risk.
    expect(await yearly(2026, '2027-01-02T09:00:00+08:00')).toMatchObject({ attended: [], notYet: [{ name: '钱七' }], atRisk: [] });
    expect(await yearly(2027, '2027-01-02T09:00:00+08:00')).toMatchObject({ attended: [], notYet: [{ name: '钱七' }], atRisk: [] });

    h.clock.now = new Date('2027-02-10T12:00:00+08:00');
    await attend(springFestival, 'yxB3', [['qian', 'in_person']]);
    expect(await yearly(2027, '2027-10-05T09:00:00+08:00')).toMatchObject({ attended: [memberIds.qian], notYet: [], atRisk: [] });
    // The branch's own secretary and the department see the same.
    h.clock.now = new Date('2027-10-05T09:00:00+08:00');
    expect((await call.query(h, 'yearlyInPerson', secretaryOf('yxB3'), { orgId: orgs.yxB3, year: 2027 })).data.attended).toEqual([memberIds.qian]);
    expect((await call.query(h, 'yearlyInPerson', department(), { orgId: orgs.yxB3, year: 2027 })).data.attended).toEqual([memberIds.qian]);
  });

  it('in-person attendance at a township meeting counts for the township secretary', async () => {
    const meetingId = await scheduleAt('yxT1', '2026-03-15T09:00:00+08:00');
    h.clock.now = new Date('2026-03-15T12:00:00+08:00');
    await attend(meetingId, 'yxT1', [['zhao', 'in_person']]);
    h.clock.now = new Date('2026-10-10T09:00:00+08:00');
    const result = (await call.query(h, 'yearlyInPerson', secretaryOf('yxT1'), { orgId: orgs.yxB2, year: 2026 })).data;
    expect(result).toMatchObject({ attended: [memberIds.zhao], notYet: [], atRisk: [] });
  });
});
