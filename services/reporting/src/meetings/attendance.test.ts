import { DECIDES_ABOUT_ONESELF, LEVEL_ABOVE_DECIDES } from '@tongxin/trpc';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { meetingAttendedEventId } from './meeting-attended-event.ts';
import { announceSeats } from '../testing/seats.ts';
import { call, count, department, meetingInput, meetingsHarness, memberAs, memberIds, orgs, paths, secretaryOf, type OrgName } from './meetings-fixture.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await meetingsHarness();
});
afterAll(() => h.close());
const monday = new Date('2026-11-02T09:00:00+08:00');
beforeEach(() => {
  h.clock.now = monday;
});

/** Schedules a meeting of `org` starting tomorrow at 09:00 (Beijing), ending 10:30. */
async function schedule(org: OrgName, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await call.mutate(h, 'schedule', secretaryOf(org), meetingInput(h, org, overrides));
  expect(result.error).toBeNull();
  return result.data.meetingId;
}
const afterMeeting = () => {
  h.clock.now = new Date(monday.getTime() + 27 * 3600_000);
};
const cancelledEvents = async (meetingId: string) =>
  (await h.database.owner.execute(sql`select id, payload from reporting.outbox where topic = 'reporting.meeting_cancelled' and payload->>'meetingId' = ${meetingId}`)).rows as { id: string; payload: any }[];
const attendedEvents = async (meetingId: string) =>
  (await h.database.owner.execute(sql`select id, payload from reporting.outbox where topic = 'reporting.meeting_attended' and payload->>'meetingId' = ${meetingId} order by payload->>'memberId'`)).rows as { id: string; payload: any }[];

describe('a member and the meetings of their branch', () => {
  it('a member sees their branch’s and township’s meetings with their own answer, not another branch’s', async () => {
    const b1 = await schedule('yxB1');
    const t1 = await schedule('yxT1', { kind: 'party_lecture' });
    const b2 = await schedule('yxB2');
    await call.mutate(h, 'respond', memberAs('zhang'), { meetingId: b1, response: 'online' });
    const mine = (await call.query(h, 'forMe', memberAs('zhang'))).data;
    const ids = mine.upcoming.map((m: { meetingId: string }) => m.meetingId);
    expect(ids).toEqual(expect.arrayContaining([b1, t1]));
    expect(ids).not.toContain(b2);
    // 视同参会 opens at the start: before it the member sees when.
    expect(mine.upcoming.find((m: any) => m.meetingId === b1)).toMatchObject({
      response: 'online', attendance: null, canReportInstead: false, reportOpensAt: '2026-11-03T01:00:00.000Z', reportDeadline: '2026-11-10T02:30:00.000Z', reportWindowDays: 7,
    });
    h.clock.now = new Date('2026-11-03T09:00:00+08:00');
    expect((await call.query(h, 'forMe', memberAs('zhang'))).data.upcoming.find((m: any) => m.meetingId === b1)).toMatchObject({ canReportInstead: true });
  });

  it('answering again replaces the answer: one row per member and meeting', async () => {
    const meetingId = await schedule('yxB1');
    await call.mutate(h, 'respond', memberAs('li'), { meetingId, response: 'in_person' });
    const again = await call.mutate(h, 'respond', memberAs('li'), { meetingId, response: 'cannot_attend' });
    expect(again.data).toEqual({ meetingId, response: 'cannot_attend' });
    expect(await count(h, 'attendance', `meeting_id = '${meetingId}'`)).toBe(1);
  });

  it('a member of another branch or county cannot find the meeting; a secretary without the member role may not answer', async () => {
    const meetingId = await schedule('yxB1');
    expect((await call.mutate(h, 'respond', memberAs('zhao'), { meetingId, response: 'online' })).error?.code).toBe('NOT_FOUND');
    expect((await call.mutate(h, 'respond', memberAs('zhou'), { meetingId, response: 'online' })).error?.code).toBe('NOT_FOUND');
    expect((await call.mutate(h, 'reportInstead', memberAs('zhao'), { meetingId, report: '在外务工' })).error?.code).toBe('NOT_FOUND');
    expect((await call.mutate(h, 'respond', secretaryOf('yxB1'), { meetingId, response: 'online' })).error?.code).toBe('FORBIDDEN');
    expect((await call.query(h, 'forMe', secretaryOf('yxB1'))).error?.code).toBe('FORBIDDEN');
    expect(await count(h, 'attendance', `meeting_id = '${meetingId}'`)).toBe(0);
  });

  it('a user without a member record is told so', async () => {
    const stranger = { ...memberAs('zhang'), userId: 'u-nobody' };
    expect((await call.query(h, 'forMe', stranger)).error?.code).toBe('NOT_FOUND');
  });

  it('an answer that does not fit the meeting is refused and changes nothing', async () => {
    const meetingId = await schedule('yxB1', { mode: 'online', location: undefined });
    expect((await call.mutate(h, 'respond', memberAs('zhang'), { meetingId, response: 'in_person' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { response: 'meeting_online_only' } });
    expect((await call.mutate(h, 'respond', memberAs('zhang'), { meetingId, response: 'maybe' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { response: expect.any(String) } });
    afterMeeting();
    expect((await call.mutate(h, 'respond', memberAs('zhang'), { meetingId, response: 'online' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { meetingId: 'meeting_ended' } });
    expect(await count(h, 'attendance', `meeting_id = '${meetingId}'`)).toBe(0);
  });
});

describe('视同参会: reporting instead of attending', () => {
  it('a meeting report within the window counts as attended, once', async () => {
    const meetingId = await schedule('yxB1');
    afterMeeting();
    const sent = await call.mutate(h, 'reportInstead', memberAs('li'), { meetingId, report: '在深圳上班，已自学会议精神。' });
    expect(sent.data).toMatchObject({ meetingId, attendance: 'reported' });
    await call.mutate(h, 'reportInstead', memberAs('li'), { meetingId, report: '补充：学习了党章第二章。' });
    const events = await attendedEvents(meetingId);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ meetingId, memberId: memberIds.li, userId: 'u-li', attendance: 'reported', kind: 'members_meeting' });
    expect(events[0]!.id).toBe(await meetingAttendedEventId('yx', meetingId, memberIds.li));

    const got = await call.query(h, 'get', secretaryOf('yxB1'), { meetingId });
    expect(got.data.roster.find((m: { memberId: string }) => m.memberId === memberIds.li)).toMatchObject({ attendance: 'reported', meetingReport: '补充：学习了党章第二章。' });
    const mine = (await call.query(h, 'forMe', memberAs('li'))).data;
    expect(mine.recent.find((m: any) => m.meetingId === meetingId)).toMatchObject({ attendance: 'reported', canReportInstead: true });
  });

  it('before the meeting starts a report is refused and nothing is stored: points come from a meeting held (issue 13)', async () => {
    const meetingId = await schedule('yxB1');
    h.clock.now = new Date('2026-11-03T08:59:59+08:00');
    const early = await call.mutate(h, 'reportInstead', memberAs('li'), { meetingId, report: '提前汇报' });
    expect(early.error).toMatchObject({ code: 'BAD_REQUEST', fields: { meetingId: 'meeting_not_started' } });
    expect(await count(h, 'attendance', `meeting_id = '${meetingId}'`)).toBe(0);
    expect(await attendedEvents(meetingId)).toHaveLength(0);
    h.clock.now = new Date('2026-11-03T09:00:00+08:00');
    expect((await call.mutate(h, 'reportInstead', memberAs('li'), { meetingId, report: '会议开始后汇报' })).data).toMatchObject({ attendance: 'reported' });
    expect(await attendedEvents(meetingId)).toHaveLength(1);
  });

  it('the attack: a secretary schedules a meeting of their own branch months ahead and reports instead at once: refused, and cancelling records no attendance', async () => {
    const both = { ...memberAs('zhang'), roles: [...memberAs('zhang').roles, ...secretaryOf('yxB1').roles] };
    const result = await call.mutate(h, 'schedule', both, meetingInput(h, 'yxB1', { startsAt: '2027-03-01T09:00:00+08:00', endsAt: '2027-03-01T10:00:00+08:00' }));
    const meetingId = result.data.meetingId;
    expect((await call.mutate(h, 'reportInstead', both, { meetingId, report: '预先汇报' })).error?.fields).toEqual({ meetingId: 'meeting_not_started' });
    expect((await call.mutate(h, 'cancel', both, { meetingId })).error).toBeNull();
    expect(await attendedEvents(meetingId)).toHaveLength(0);
    expect((await cancelledEvents(meetingId)).map((e) => e.payload)).toEqual([expect.objectContaining({ meetingId, attendances: [] })]);
  });

  it('a deadline stored later than seven days after the end (before the cap) still closes seven days after it', async () => {
    const meetingId = await schedule('yxB1');
    await h.database.owner.execute(sql`update reporting.meetings set report_deadline = '2026-12-31T00:00:00+08:00' where id = ${meetingId}`);
    h.clock.now = new Date('2026-11-10T10:30:01+08:00');
    expect((await call.mutate(h, 'reportInstead', memberAs('li'), { meetingId, report: '晚了' })).error?.fields).toEqual({ meetingId: 'report_window_closed' });
  });

  it('after the deadline the window has closed and nothing is stored', async () => {
    const meetingId = await schedule('yxB1', { reportDeadline: '2026-11-04T00:00:00+08:00' });
    h.clock.now = new Date('2026-11-04T00:00:01+08:00');
    const late = await call.mutate(h, 'reportInstead', memberAs('wang'), { meetingId, report: '迟到的汇报' });
    expect(late.error).toMatchObject({ code: 'BAD_REQUEST', fields: { meetingId: 'report_window_closed' } });
    expect(await count(h, 'attendance', `meeting_id = '${meetingId}'`)).toBe(0);
    expect(await attendedEvents(meetingId)).toHaveLength(0);
  });

  it('the default window is seven days after the end', async () => {
    const meetingId = await schedule('yxB1');
    h.clock.now = new Date('2026-11-10T10:30:00+08:00');
    expect((await call.mutate(h, 'reportInstead', memberAs('zhang'), { meetingId, report: '按期汇报' })).error).toBeNull();
    h.clock.now = new Date('2026-11-10T10:30:01+08:00');
    expect((await call.mutate(h, 'reportInstead', memberAs('wang'), { meetingId, report: '晚一秒' })).error?.fields).toEqual({ meetingId: 'report_window_closed' });
  });

  it('a report after attending in person keeps the in-person attendance and no second event', async () => {
    const meetingId = await schedule('yxB1');
    afterMeeting();
    await call.mutate(h, 'recordAttendance', secretaryOf('yxB1'), { meetingId, entries: [{ memberId: memberIds.zhang, attendance: 'in_person' }] });
    const sent = await call.mutate(h, 'reportInstead', memberAs('zhang'), { meetingId, report: '心得体会' });
    expect(sent.data.attendance).toBe('in_person');
    expect((await attendedEvents(meetingId)).map((e) => e.payload.attendance)).toEqual(['in_person']);
  });
});

describe('a cancelled meeting', () => {
  it('cancelling records meeting_cancelled once, listing every attendance recorded, so scoring gives their points back', async () => {
    const meetingId = await schedule('yxB1');
    // Attendance as it could be recorded before a report needed the start (issue 13).
    await h.database.owner.execute(sql`insert into reporting.attendance (tenant_id, meeting_id, member_id, attendance, meeting_report)
      values ('yx', ${meetingId}, ${memberIds.li}, 'reported', '提前汇报')`);
    await call.mutate(h, 'respond', memberAs('zhang'), { meetingId, response: 'online' });
    expect((await call.mutate(h, 'cancel', secretaryOf('yxB1'), { meetingId })).error).toBeNull();
    expect((await call.mutate(h, 'cancel', secretaryOf('yxT1'), { meetingId })).error).toBeNull();
    const events = await cancelledEvents(meetingId);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({
      meetingId, kind: 'members_meeting', startsAt: '2026-11-03T01:00:00.000Z', cancelledAt: monday.toISOString(),
      attendances: [{ memberId: memberIds.li, userId: 'u-li', attendance: 'reported' }],
    });
  });
});

describe('recording attendance', () => {
  it('the secretary records attendance; meeting_attended is written once per member even when recorded twice or changed back and forth', async () => {
    const meetingId = await schedule('yxB1');
    afterMeeting();
    const sec = secretaryOf('yxB1');
    const entries = [
      { memberId: memberIds.zhang, attendance: 'in_person' },
      { memberId: memberIds.li, attendance: 'online' },
      { memberId: memberIds.wang, attendance: 'absent' },
    ];
    const first = await call.mutate(h, 'recordAttendance', sec, { meetingId, entries });
    expect(first.data).toEqual({ meetingId, recorded: 3, newlyAttended: 2 });
    expect((await call.mutate(h, 'recordAttendance', sec, { meetingId, entries })).data.newlyAttended).toBe(0);
    await call.mutate(h, 'recordAttendance', sec, { meetingId, entries: [{ memberId: memberIds.zhang, attendance: 'absent' }] });
    await call.mutate(h, 'recordAttendance', secretaryOf('yxT1'), { meetingId, entries: [{ memberId: memberIds.zhang, attendance: 'in_person' }] });

    const events = await attendedEvents(meetingId);
    expect(events.map((e) => [e.payload.memberId, e.payload.attendance]).sort()).toEqual([[memberIds.zhang, 'in_person'], [memberIds.li, 'online']].sort());
    expect(events.find((e) => e.payload.memberId === memberIds.zhang)!.payload).toMatchObject({ userId: 'u-zhang', kind: 'members_meeting', startsAt: '2026-11-03T01:00:00.000Z' });
    const got = await call.query(h, 'get', sec, { meetingId });
    expect(Object.fromEntries(got.data.roster.map((m: any) => [m.name, m.attendance]))).toEqual({ 张三: 'in_person', 李四: 'online', 王五: 'absent' });
  });

  it("'reported' only comes from the member's own report", async () => {
    const meetingId = await schedule('yxB1');
    afterMeeting();
    const sec = secretaryOf('yxB1');
    const invented = await call.mutate(h, 'recordAttendance', sec, { meetingId, entries: [{ memberId: memberIds.wang, attendance: 'reported' }] });
    expect(invented.error).toMatchObject({ code: 'BAD_REQUEST', fields: { 'entries.0.attendance': 'report_instead_by_member' } });
    expect(await count(h, 'attendance', `meeting_id = '${meetingId}'`)).toBe(0);
    await call.mutate(h, 'reportInstead', memberAs('wang'), { meetingId, report: '在广州，线上学习。' });
    expect((await call.mutate(h, 'recordAttendance', sec, { meetingId, entries: [{ memberId: memberIds.wang, attendance: 'reported' }] })).error).toBeNull();
    expect(await attendedEvents(meetingId)).toHaveLength(1);
  });

  it("members outside the meeting's org, or transferred out, are refused by entry and nothing is written", async () => {
    const meetingId = await schedule('yxB1');
    afterMeeting();
    const sec = secretaryOf('yxB1');
    const record = async (entries: unknown[]) => (await call.mutate(h, 'recordAttendance', sec, { meetingId, entries })).error;
    const zhang = { memberId: memberIds.zhang, attendance: 'in_person' };
    expect(await record([zhang, { memberId: memberIds.zhao, attendance: 'in_person' }])).toMatchObject({ code: 'BAD_REQUEST', fields: { 'entries.1.memberId': 'not_in_meeting_org' } });
    expect(await record([zhang, { memberId: memberIds.sun, attendance: 'absent' }])).toMatchObject({ fields: { 'entries.1.memberId': expect.any(String) } });
    expect(await record([zhang, zhang])).toMatchObject({ fields: { 'entries.1.memberId': 'listed_twice' } });
    expect(await record([{ memberId: 'not-a-uuid', attendance: 'in_person' }])).toMatchObject({ code: 'BAD_REQUEST', fields: { 'entries.0.memberId': expect.any(String) } });
    expect(await record([{ memberId: memberIds.zhang, attendance: 'late' }])).toMatchObject({ fields: { 'entries.0.attendance': expect.any(String) } });
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ memberId: `00000000-0000-4000-8000-${String(900000 + i).padStart(12, '0')}`, attendance: 'absent' }));
    expect(await record(tooMany)).toMatchObject({ fields: { entries: 'too_long' }, problems: { entries: { params: { max: 500 } } } });
    expect(await count(h, 'attendance', `meeting_id = '${meetingId}'`)).toBe(0);
    expect(await attendedEvents(meetingId)).toHaveLength(0);
  });

  it('attendance waits for the meeting to start, and a cancelled meeting takes none', async () => {
    const meetingId = await schedule('yxB1');
    const sec = secretaryOf('yxB1');
    const entries = [{ memberId: memberIds.zhang, attendance: 'in_person' }];
    expect((await call.mutate(h, 'recordAttendance', sec, { meetingId, entries })).error?.fields).toEqual({ meetingId: 'meeting_not_started' });
    await call.mutate(h, 'cancel', sec, { meetingId });
    afterMeeting();
    expect((await call.mutate(h, 'recordAttendance', sec, { meetingId, entries })).error?.fields).toEqual({ meetingId: 'meeting_cancelled' });
    expect((await call.mutate(h, 'reportInstead', memberAs('li'), { meetingId, report: 'x' })).error?.fields).toEqual({ meetingId: 'meeting_cancelled' });
    expect(await count(h, 'attendance', `meeting_id = '${meetingId}'`)).toBe(0);
  });

  it('another branch’s or county’s staff cannot find the meeting; a member may not record', async () => {
    const meetingId = await schedule('yxB1');
    afterMeeting();
    const entries = [{ memberId: memberIds.zhang, attendance: 'in_person' }];
    expect((await call.mutate(h, 'recordAttendance', secretaryOf('yxB2'), { meetingId, entries })).error?.code).toBe('NOT_FOUND');
    expect((await call.mutate(h, 'recordAttendance', department('rc'), { meetingId, entries })).error?.code).toBe('NOT_FOUND');
    expect((await call.mutate(h, 'recordAttendance', memberAs('zhang'), { meetingId, entries })).error?.code).toBe('FORBIDDEN');
    expect((await call.mutate(h, 'recordAttendance', department(), { meetingId, entries })).error).toBeNull();
    expect(await attendedEvents(meetingId)).toHaveLength(1);
  });

  it('two recordings at once still write one event per member', async () => {
    const meetingId = await schedule('yxB1');
    afterMeeting();
    const entries = [{ memberId: memberIds.wang, attendance: 'in_person' }];
    const results = await Promise.all([
      call.mutate(h, 'recordAttendance', secretaryOf('yxB1'), { meetingId, entries }),
      call.mutate(h, 'recordAttendance', secretaryOf('yxT1'), { meetingId, entries }),
      call.mutate(h, 'reportInstead', memberAs('wang'), { meetingId, report: '同时提交' }),
    ]);
    expect(results.map((r) => r.error)).toEqual([null, null, null]);
    expect(await attendedEvents(meetingId)).toHaveLength(1);
  });

  it("a branch secretary who is also a member reads the township's meeting but cannot manage it", async () => {
    const meetingId = await schedule('yxT1');
    const both = { ...memberAs('zhang'), roles: [...memberAs('zhang').roles, ...secretaryOf('yxB1').roles] };
    expect((await call.query(h, 'forMe', both)).data.upcoming.map((m: { meetingId: string }) => m.meetingId)).toContain(meetingId);
    expect((await call.mutate(h, 'cancel', both, { meetingId })).error?.code).toBe('NOT_FOUND');
    expect((await call.query(h, 'get', both, { meetingId })).data.manages).toBe(false);
    expect(((await call.query(h, 'list', both)).data as { meetingId: string; manages: boolean }[]).filter((m) => m.meetingId === meetingId)).toEqual([
      expect.objectContaining({ manages: false }),
    ]);
  });
});

describe('nobody records their own attendance', () => {
  it('a branch secretary who is also a member may not record their own attendance: FORBIDDEN, nothing written; the township secretary records it', async () => {
    const meetingId = await schedule('yxB1');
    afterMeeting();
    const both = { ...memberAs('zhang'), roles: [...memberAs('zhang').roles, ...secretaryOf('yxB1').roles] };
    const before = await count(h, 'attendance');
    const own = await call.mutate(h, 'recordAttendance', both, { meetingId, entries: [{ memberId: memberIds.li, attendance: 'in_person' }, { memberId: memberIds.zhang, attendance: 'in_person' }] });
    expect(own.error).toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
    expect(await count(h, 'attendance')).toBe(before);
    expect(await attendedEvents(meetingId)).toEqual([]);
    // The others' attendance he records; his own, the township.
    expect((await call.mutate(h, 'recordAttendance', both, { meetingId, entries: [{ memberId: memberIds.li, attendance: 'in_person' }] })).error).toBeNull();
    expect((await call.mutate(h, 'recordAttendance', secretaryOf('yxT1'), { meetingId, entries: [{ memberId: memberIds.zhang, attendance: 'in_person' }] })).error).toBeNull();
    expect((await attendedEvents(meetingId)).map((e) => e.payload.memberId).sort()).toEqual([memberIds.li, memberIds.zhang].sort());
  });

  it('a deputy of the branch may not record its secretary’s attendance (issue 13 C): FORBIDDEN, nothing written; the township records it', async () => {
    const meetingId = await schedule('yxB1');
    afterMeeting();
    // 王五 holds a seat at the branch (identity announced it); sec-yxB1 holds another there.
    const seated = memberAs('wang');
    expect(await announceSeats(h.database, 'yx', seated.userId, [{ orgId: orgs.yxB1, path: paths.yxB1 }])).toBe('applied');
    const before = await count(h, 'attendance');
    const entries = [{ memberId: memberIds.wang, attendance: 'in_person' }];
    expect((await call.mutate(h, 'recordAttendance', secretaryOf('yxB1'), { meetingId, entries })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect(await count(h, 'attendance')).toBe(before);
    expect((await call.mutate(h, 'recordAttendance', secretaryOf('yxT1'), { meetingId, entries })).error).toBeNull();
    await announceSeats(h.database, 'yx', seated.userId, []);
  });
});
