import type { RoleGrant } from '@tongxin/auth';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayAll } from './relays.ts';
import { createPlatformHarness } from './testing/platform-harness.ts';

// Issue 13, the attack as it was made: branch secretary 曹建国 (13800000002), also a member of
// his branch, scheduled a meeting of it next month, reported instead at once (视同参会, 3
// points) and cancelled it, keeping the points; months ahead could be filled that way.
const YX = '431023';
let h: ServiceHarness;
let branchId: string;
let me = { userId: '', memberId: '' };
const one = async (query: ReturnType<typeof sql>) => (await h.database.owner.execute(query)).rows[0] as Record<string, string>;
const balance = async () => Number((await one(sql`select coalesce(sum(points), 0)::int as n from scoring.points_ledger where tenant_id = ${YX} and member_id = ${me.memberId}`)).n);
const start = new Date('2026-11-02T09:00:00+08:00');

beforeAll(async () => {
  h = await createPlatformHarness({ members: 20 });
  branchId = (await one(sql`select id from roster.orgs where tenant_id = ${YX} and name = '涌水村流动党员党支部'`)).id!;
  const row = await one(sql`select u.id as user_id, m.id as member_id from identity.users u join roster.members m on m.tenant_id = u.tenant_id and m.user_id = u.id::text
    where u.tenant_id = ${YX} and u.username = '13800000002'`);
  me = { userId: row.user_id!, memberId: row.member_id! };
  await relayAll(h.database);
});
afterAll(() => h.close());

const secretary = () => ({ tenantId: YX, userId: me.userId, roles: [{ role: 'secretary', orgId: branchId }, { role: 'member', orgId: branchId }] as RoleGrant[] });
const meetings = (name: string, input: unknown) => h.mutate(`/api/reporting/trpc/meetings.${name}`, { as: secretary(), input });
let keys = 0;
async function schedule(startsAt: Date): Promise<string> {
  const scheduled = await meetings('schedule', {
    orgId: branchId, kind: 'members_meeting', title: '党员大会', mode: 'online', onlineLink: 'https://meeting.example.cn/a',
    startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(), idempotencyKey: `meeting-points-${++keys}`,
  });
  expect(scheduled.error).toBeNull();
  return scheduled.data.meetingId;
}

describe('meeting points come from meetings that hold', () => {
  it('the attack: a meeting next month, reported on at once, then cancelled, leaves the balance unchanged', async () => {
    h.clock.now = start;
    const before = await balance();
    const meetingId = await schedule(new Date('2026-12-10T09:00:00+08:00'));
    const early = await meetings('reportInstead', { meetingId, report: '在外务工，已学习会议精神。' });
    expect(early.error).toMatchObject({ code: 'BAD_REQUEST', fields: { meetingId: 'meeting_not_started' } });
    expect((await meetings('cancel', { meetingId })).error).toBeNull();
    await relayAll(h.database);
    expect(await balance()).toBe(before);
  });

  it('an attendance reported before the rule, on a meeting cancelled later, is given back once', async () => {
    h.clock.now = start;
    const meetingId = await schedule(new Date('2027-01-10T09:00:00+08:00'));
    // As the old code wrote it: attendance 'reported' and its event, before the meeting's start.
    await h.database.owner.execute(sql`insert into reporting.attendance (tenant_id, meeting_id, member_id, attendance, meeting_report, reported_at)
      values (${YX}, ${meetingId}, ${me.memberId}, 'reported', '提前汇报', now())`);
    await h.database.owner.execute(sql`insert into reporting.outbox (tenant_id, topic, payload) values (${YX}, 'reporting.meeting_attended',
      ${JSON.stringify({ meetingId, memberId: me.memberId, userId: me.userId, attendance: 'reported', kind: 'members_meeting', startsAt: '2027-01-10T01:00:00.000Z' })}::jsonb)`);
    const before = await balance();
    await relayAll(h.database);
    expect(await balance()).toBe(before + 3);
    expect((await meetings('cancel', { meetingId })).error).toBeNull();
    await relayAll(h.database);
    expect(await balance()).toBe(before);
    expect((await meetings('cancel', { meetingId })).error).toBeNull();
    await relayAll(h.database);
    expect(await balance()).toBe(before);
  });

  it('a report instead during the meeting’s window still scores', async () => {
    h.clock.now = start;
    const meetingId = await schedule(new Date(start.getTime() + 3600_000));
    h.clock.now = new Date(start.getTime() + 2 * 24 * 3600_000);
    const before = await balance();
    expect((await meetings('reportInstead', { meetingId, report: '在外务工，已学习会议精神。' })).error).toBeNull();
    await relayAll(h.database);
    expect(await balance()).toBe(before + 3);
  });
});
