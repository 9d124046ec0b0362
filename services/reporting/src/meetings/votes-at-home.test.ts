import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, count, meetingInput, meetingsHarness, memberAs, memberIds, orgs, paths, secretaryOf, type OrgName } from './meetings-fixture.ts';

// Issue 17, "votes stay at home": democratic appraisal (民主评议) and elections are held for a
// member only by their home branch. A meeting's roster is the members whose branch is in the
// meeting's org (meeting-roster.ts), never those checked in there from elsewhere, so a flow
// organization's appraisal holds its own members only and attendance there is nobody else's
// vote. (The annual evaluation is confirmed by the home county's staff only: scoring's
// evaluation-router.test.ts, "another county".)
let h: ServiceHarness;
const monday = new Date('2026-11-02T09:00:00+08:00');
beforeAll(async () => {
  h = await meetingsHarness();
  h.clock.now = monday;
  // 周九 of 汝城 (rcB) checked in at yxB3 in 永兴, accepted: a destination's member, not its own.
  await h.database.owner.execute(sql`
    insert into reporting.checkins (tenant_id, member_id, user_id, member_name, org_path, dest_tenant_id, dest_org_id, dest_org_path, dest_org_name, status, grant_fields, decided_by, decided_at)
    values ('rc', ${memberIds.zhou}, 'u-zhou', '周九', ${paths.rcB}, 'yx', ${orgs.yxB3}, ${paths.yxB3}, 'yxB3', 'accepted', '{}', 'sec-yxB3', now())`);
});
afterAll(() => h.close());

async function appraisal(org: OrgName): Promise<string> {
  const result = await call.mutate(h, 'schedule', secretaryOf(org), meetingInput(h, org, { kind: 'democratic_appraisal', title: '2026年度民主评议党员' }));
  expect(result.error).toBeNull();
  return result.data.meetingId;
}

describe('votes stay at home', () => {
  it("a destination's democratic appraisal lists its own members only, not those checked in there", async () => {
    const meetingId = await appraisal('yxB3');
    const meeting = await call.query(h, 'get', secretaryOf('yxB3'), { meetingId });
    expect(meeting.error).toBeNull();
    expect(meeting.data.roster.map((m: { name: string }) => m.name)).toEqual(['钱七']);
  });

  it('attendance of a member checked in from elsewhere cannot be recorded there: BAD_REQUEST, nothing written', async () => {
    const meetingId = await appraisal('yxB3');
    h.clock.now = new Date(monday.getTime() + 27 * 3600_000);
    const before = await count(h, 'attendance');
    const result = await call.mutate(h, 'recordAttendance', secretaryOf('yxB3'), { meetingId, entries: [{ memberId: memberIds.zhou, attendance: 'in_person' }] });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { 'entries.0.memberId': 'not_in_meeting_org' } });
    expect(await count(h, 'attendance')).toBe(before);
    h.clock.now = monday;
  });

  it("the member's home branch holds their appraisal", async () => {
    const meetingId = await appraisal('rcB');
    const meeting = await call.query(h, 'get', secretaryOf('rcB'), { meetingId });
    expect(meeting.data.roster.map((m: { name: string }) => m.name)).toEqual(['周九']);
  });
});
