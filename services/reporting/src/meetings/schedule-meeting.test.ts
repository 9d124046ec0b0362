import type { ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, count, department, meetingInput, meetingsHarness, memberAs, memberIds, orgs, paths, secretaryOf } from './meetings-fixture.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await meetingsHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.clock.now = new Date('2026-11-02T09:00:00+08:00');
});

async function schedule(as: ReturnType<typeof secretaryOf>, input: Record<string, unknown>): Promise<string> {
  const result = await call.mutate(h, 'schedule', as, input);
  expect(result.error).toBeNull();
  return result.data.meetingId;
}

describe('scheduling a meeting', () => {
  it("a branch secretary schedules their branch's meeting once, however often the request is retried, with a week to report instead", async () => {
    const input = meetingInput(h, 'yxB1');
    const first = await schedule(secretaryOf('yxB1'), input);
    const again = await schedule(secretaryOf('yxB1'), input);
    expect(again).toBe(first);
    expect(await count(h, 'meetings', `idempotency_key = '${input.idempotencyKey}'`)).toBe(1);
    const got = await call.query(h, 'get', secretaryOf('yxB1'), { meetingId: first });
    expect(got.data.meeting).toMatchObject({ orgId: orgs.yxB1, kind: 'members_meeting', mode: 'both', createdBy: 'sec-yxB1' });
    expect(new Date(got.data.meeting.reportDeadline).getTime() - new Date(input.endsAt).getTime()).toBe(7 * 24 * 3600_000);
  });

  it('a township secretary schedules for a branch below it and the department for any org of its county', async () => {
    await schedule(secretaryOf('yxT1'), meetingInput(h, 'yxB2', { kind: 'party_lecture' }));
    await schedule(department(), meetingInput(h, 'yxB3', { kind: 'themed_party_day', reportDeadline: '2026-11-08T00:00:00+08:00' }));
  });

  it('a report deadline later than seven days after the end is refused: 视同参会 has one window', async () => {
    const before = await count(h, 'meetings');
    const late = await call.mutate(h, 'schedule', secretaryOf('yxB1'), meetingInput(h, 'yxB1', { reportDeadline: '2026-11-20T00:00:00+08:00' }));
    expect(late.error).toMatchObject({ code: 'BAD_REQUEST', fields: { reportDeadline: 'deadline_too_late' } });
    expect(await count(h, 'meetings')).toBe(before);
  });

  it('a secretary of another branch, of another township or of another county cannot find the org to schedule for', async () => {
    const before = await count(h, 'meetings');
    for (const who of [secretaryOf('yxB2'), secretaryOf('yxT2'), secretaryOf('rcB')]) {
      expect((await call.mutate(h, 'schedule', who, meetingInput(h, 'yxB1'))).error?.code).toBe('NOT_FOUND');
    }
    // A branch secretary naming the township above: it is on their members' paths, but not theirs to manage.
    expect((await call.mutate(h, 'schedule', secretaryOf('yxB1'), meetingInput(h, 'yxT1'))).error?.code).toBe('NOT_FOUND');
    expect(await count(h, 'meetings')).toBe(before);
  });

  it("a branch secretary's meeting is filed under the branch's real path, whatever path the request carries (issue 13)", async () => {
    // The attack: the sibling branch prepended, so the township's lists file it under yxB2.
    const forged = `${paths.yxB2}${orgs.yxB1}/`;
    const meetingId = await schedule(secretaryOf('yxB1'), meetingInput(h, 'yxB1', { orgPath: forged }));
    expect(await count(h, 'meetings', `id = '${meetingId}' and org_path = '${paths.yxB1}'`)).toBe(1);
    const ofB2 = (await call.query(h, 'list', secretaryOf('yxT1'), { orgId: orgs.yxB2 })).data as { meetingId: string }[];
    expect(ofB2.map((m) => m.meetingId)).not.toContain(meetingId);
  });

  it('an org with no members known to reporting cannot have a meeting: BAD_REQUEST on orgId', async () => {
    const empty = '00000000-0000-4000-8000-000000000099';
    const result = await call.mutate(h, 'schedule', department(), { ...meetingInput(h, 'yxB1'), orgId: empty });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { orgId: 'org_has_no_members' } });
  });

  it('a member may not schedule, cancel or read the secretary views', async () => {
    const meetingId = await schedule(secretaryOf('yxB1'), meetingInput(h, 'yxB1'));
    const zhang = memberAs('zhang');
    expect((await call.mutate(h, 'schedule', zhang, meetingInput(h, 'yxB1'))).error?.code).toBe('FORBIDDEN');
    expect((await call.mutate(h, 'cancel', zhang, { meetingId })).error?.code).toBe('FORBIDDEN');
    expect((await call.query(h, 'list', zhang, {})).error?.code).toBe('FORBIDDEN');
    expect((await call.query(h, 'get', zhang, { meetingId })).error?.code).toBe('FORBIDDEN');
  });

  it('bad input names the field and stores nothing', async () => {
    const before = await count(h, 'meetings');
    const sec = secretaryOf('yxB1');
    const bad = async (overrides: Record<string, unknown>) => (await call.mutate(h, 'schedule', sec, meetingInput(h, 'yxB1', overrides))).error;
    expect(await bad({ endsAt: '2026-11-03T08:00:00+08:00' })).toMatchObject({ code: 'BAD_REQUEST', fields: { endsAt: 'ends_before_start' } });
    expect(await bad({ startsAt: '2026-11-01T09:00:00+08:00', endsAt: '2026-11-01T11:00:00+08:00' })).toMatchObject({ code: 'BAD_REQUEST', fields: { startsAt: 'in_past' } });
    expect(await bad({ kind: 'party_congress' })).toMatchObject({ code: 'BAD_REQUEST', fields: { kind: expect.any(String) } });
    expect(await bad({ mode: 'in_person', location: undefined })).toMatchObject({ code: 'BAD_REQUEST', fields: { location: 'required' } });
    expect(await bad({ mode: 'online', onlineLink: undefined })).toMatchObject({ code: 'BAD_REQUEST', fields: { onlineLink: 'required' } });
    expect(await bad({ reportDeadline: '2026-11-03T09:30:00+08:00' })).toMatchObject({ code: 'BAD_REQUEST', fields: { reportDeadline: 'deadline_before_end' } });
    expect(await bad({ title: ' ' })).toMatchObject({ code: 'BAD_REQUEST', fields: { title: 'required' } });
    expect(await count(h, 'meetings')).toBe(before);
  });
});

describe('cancelling a meeting', () => {
  it('the secretary cancels a meeting that has not started; again is a no-op', async () => {
    const meetingId = await schedule(secretaryOf('yxB1'), meetingInput(h, 'yxB1'));
    const first = await call.mutate(h, 'cancel', secretaryOf('yxB1'), { meetingId });
    expect(first.error).toBeNull();
    const again = await call.mutate(h, 'cancel', secretaryOf('yxT1'), { meetingId });
    expect(again.data.cancelledAt).toBe(first.data.cancelledAt);
  });

  it('another branch, another township and another county cannot find it', async () => {
    const meetingId = await schedule(secretaryOf('yxB1'), meetingInput(h, 'yxB1'));
    for (const who of [secretaryOf('yxB2'), secretaryOf('yxT2'), department('rc')]) {
      expect((await call.mutate(h, 'cancel', who, { meetingId })).error?.code).toBe('NOT_FOUND');
      expect((await call.query(h, 'get', who, { meetingId })).error?.code).toBe('NOT_FOUND');
    }
    expect(await count(h, 'meetings', `id = '${meetingId}' and cancelled_at is null`)).toBe(1);
  });

  it('a meeting that has started cannot be cancelled', async () => {
    const meetingId = await schedule(secretaryOf('yxB1'), meetingInput(h, 'yxB1'));
    h.clock.now = new Date(h.clock.now.getTime() + 25 * 3600_000);
    expect((await call.mutate(h, 'cancel', secretaryOf('yxB1'), { meetingId })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { meetingId: 'meeting_started' } });
    expect(await count(h, 'meetings', `id = '${meetingId}' and cancelled_at is null`)).toBe(1);
  });
});

describe('listing meetings', () => {
  it("each secretary lists the meetings of their subtree with tallies; the department its whole county", async () => {
    const b1 = await schedule(secretaryOf('yxB1'), meetingInput(h, 'yxB1', { title: '一支部会' }));
    const b2 = await schedule(secretaryOf('yxB2'), meetingInput(h, 'yxB2', { title: '二支部会' }));
    const t1 = await schedule(secretaryOf('yxT1'), meetingInput(h, 'yxT1', { title: '镇党课', kind: 'party_lecture' }));
    await call.mutate(h, 'respond', memberAs('zhang'), { meetingId: b1, response: 'online' });
    await call.mutate(h, 'respond', memberAs('li'), { meetingId: b1, response: 'cannot_attend' });

    const ids = async (as: ReturnType<typeof secretaryOf>, input = {}) => ((await call.query(h, 'list', as, input)).data as { meetingId: string }[]).map((m) => m.meetingId);
    expect(await ids(secretaryOf('yxB1'))).toContain(b1);
    expect(await ids(secretaryOf('yxB1'))).not.toContain(b2);
    // The township's meeting is read (its members attend it), not managed.
    expect(((await call.query(h, 'list', secretaryOf('yxB1'))).data as any[]).find((m) => m.meetingId === t1)).toMatchObject({ manages: false });
    expect(((await call.query(h, 'list', secretaryOf('yxB1'))).data as any[]).find((m) => m.meetingId === b1)).toMatchObject({ manages: true });
    expect(await ids(secretaryOf('yxT1'))).toEqual(expect.arrayContaining([b1, b2, t1]));
    const ofB2 = (await call.query(h, 'list', secretaryOf('yxT1'), { orgId: orgs.yxB2 })).data as { meetingId: string; orgId: string }[];
    expect(ofB2.map((m) => m.meetingId)).toContain(b2);
    expect(ofB2.every((m) => m.orgId === orgs.yxB2)).toBe(true);
    expect(await ids(secretaryOf('yxT2'))).not.toContain(b1);
    expect(await ids(department())).toEqual(expect.arrayContaining([b1, b2, t1]));
    expect(await ids(department('rc'))).toEqual([]);

    const listed = ((await call.query(h, 'list', secretaryOf('yxB1'))).data as any[]).find((m) => m.meetingId === b1);
    // 孙八 was transferred out: three members expected.
    expect(listed.counts).toMatchObject({ members: 3, respondedOnline: 1, cannotAttend: 1, respondedInPerson: 0, inPerson: 0 });
  });

  it("the meeting's roster is its org's members (not those transferred out), with their answers", async () => {
    const meetingId = await schedule(secretaryOf('yxT1'), meetingInput(h, 'yxT1'));
    await call.mutate(h, 'respond', memberAs('zhao'), { meetingId, response: 'in_person' });
    const got = await call.query(h, 'get', secretaryOf('yxT1'), { meetingId });
    expect(got.data.roster.map((m: { name: string }) => m.name).sort()).toEqual(['张三', '李四', '王五', '赵六'].sort());
    expect(got.data.roster.find((m: { memberId: string }) => m.memberId === memberIds.zhao)).toMatchObject({ response: 'in_person', attendance: null });
    expect(got.data.meeting.orgPath).toBe(paths.yxT1);
    // A branch secretary reads the township's meeting with their own members, and does not manage it.
    const fromBranch = await call.query(h, 'get', secretaryOf('yxB1'), { meetingId });
    expect(fromBranch.data.manages).toBe(false);
    expect(fromBranch.data.roster.map((m: { name: string }) => m.name).sort()).toEqual(['张三', '李四', '王五'].sort());
    expect((await call.query(h, 'get', secretaryOf('yxT2'), { meetingId })).error?.code).toBe('NOT_FOUND');
  });
});
