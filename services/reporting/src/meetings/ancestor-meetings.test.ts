import { tenantTransaction } from '@tongxin/db';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings } from '../schema.ts';
import { call, count, department, meetingInput, meetingsHarness, memberIds, orgs, secretaryOf } from './meetings-fixture.ts';

// 镇 1 (yxT1) holds a themed party day. The secretary of 支部 1 (yxB1), below it, reads it (their
// members attend it; the in-person rule counts it) but does not manage it.
let h: ServiceHarness;
let meetingId: string;
beforeAll(async () => {
  h = await meetingsHarness();
  h.clock.now = new Date('2026-04-01T09:00:00+08:00');
  const input = meetingInput(h, 'yxT1', { kind: 'themed_party_day', title: '清明主题党日', startsAt: '2026-04-04T01:00:00Z', endsAt: '2026-04-04T03:00:00Z' });
  const scheduled = await call.mutate(h, 'schedule', secretaryOf('yxT1'), input);
  expect(scheduled.error).toBeNull();
  meetingId = scheduled.data.meetingId;
});
afterAll(() => h.close());

const listed = async (as: ReturnType<typeof secretaryOf>) => ((await call.query(h, 'list', as)).data as { meetingId: string; manages: boolean }[]).filter((m) => m.meetingId === meetingId);

describe("a branch secretary reads the township's meeting", () => {
  it('lists it and gets it, marked as not theirs to manage, with their own members on the roster', async () => {
    expect(await listed(secretaryOf('yxB1'))).toEqual([expect.objectContaining({ orgId: orgs.yxT1, kind: 'themed_party_day', manages: false })]);
    expect(await listed(secretaryOf('yxT1'))).toEqual([expect.objectContaining({ manages: true })]);
    const got = await call.query(h, 'get', secretaryOf('yxB1'), { meetingId });
    expect(got.error).toBeNull();
    expect(got.data).toMatchObject({ meeting: { meetingId, title: '清明主题党日' }, manages: false });
    // Only the members the branch secretary looks after (孙八 was transferred out); 赵六 of 支部 2 is not theirs.
    expect(got.data.roster.map((m: { name: string }) => m.name).sort()).toEqual(['张三', '李四', '王五'].sort());
    expect((await call.query(h, 'get', secretaryOf('yxT1'), { meetingId })).data.manages).toBe(true);
  });

  it('cannot cancel it or record attendance at it: NOT_FOUND, and nothing changes', async () => {
    expect((await call.mutate(h, 'cancel', secretaryOf('yxB1'), { meetingId })).error?.code).toBe('NOT_FOUND');
    h.clock.now = new Date('2026-04-04T12:00:00+08:00');
    const entries = [{ memberId: memberIds.zhang, attendance: 'in_person' }];
    expect((await call.mutate(h, 'recordAttendance', secretaryOf('yxB1'), { meetingId, entries })).error?.code).toBe('NOT_FOUND');
    expect(await count(h, 'attendance', `meeting_id = '${meetingId}'`)).toBe(0);
    expect(await count(h, 'meetings', `id = '${meetingId}' and cancelled_at is null and title = '清明主题党日'`)).toBe(1);
  });

  it('RLS lets the branch secretary read the row but not change it', async () => {
    const scope = { tenantId: 'yx', userId: 'sec-yxB1', orgIds: [orgs.yxB1] };
    const [seen, changed] = await tenantTransaction(h.database, scope, async (tx) => [
      await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)),
      await tx.update(meetings).set({ title: '改了' }).where(eq(meetings.id, meetingId)).returning({ id: meetings.id }),
    ]);
    expect(seen).toEqual([{ id: meetingId }]);
    expect(changed).toEqual([]);
    expect(await count(h, 'meetings', `id = '${meetingId}' and title = '清明主题党日'`)).toBe(1);
  });

  it("an in-person attendance at it counts in the branch secretary's in-person report", async () => {
    h.clock.now = new Date('2026-04-04T12:00:00+08:00');
    const recorded = await call.mutate(h, 'recordAttendance', secretaryOf('yxT1'), { meetingId, entries: [{ memberId: memberIds.zhang, attendance: 'in_person' }] });
    expect(recorded.error).toBeNull();
    h.clock.now = new Date('2026-10-10T09:00:00+08:00');
    const yearly = await call.query(h, 'yearlyInPerson', secretaryOf('yxB1'), { orgId: orgs.yxB1, year: 2026 });
    expect(yearly.error).toBeNull();
    expect(yearly.data.attended).toEqual([memberIds.zhang]);
    expect(yearly.data.notYet.map((m: { name: string }) => m.name).sort()).toEqual(['李四', '王五'].sort());
  });
});

describe('outside the township, nothing', () => {
  it('a secretary of another township or of its branch, and another county, neither list nor get it', async () => {
    for (const as of [secretaryOf('yxT2'), secretaryOf('yxB3'), department('rc'), secretaryOf('rcB')]) {
      expect(await listed(as)).toEqual([]);
      expect((await call.query(h, 'get', as, { meetingId })).error?.code).toBe('NOT_FOUND');
    }
  });
});
