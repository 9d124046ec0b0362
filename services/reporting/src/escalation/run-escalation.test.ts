import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { as, memberIdOf, ownerReads, seedMembers, testApp, type PersonName } from './members-fixture.ts';
import { runEscalation } from './run-escalation.ts';

// The ladder day by day with a controlled clock (China time). Members who must report:
// 曹德胜, 曹春生, 李华 (mobile), 黄文杰 (lost contact) in 永兴, 朱建国 in 汝城; 刘秀英 is at home.
let h: ServiceHarness;
let db: ReturnType<typeof ownerReads>;
beforeAll(async () => {
  h = await createServiceHarness(testApp, [migrations]);
  db = ownerReads(h.database);
  await seedMembers(h.database);
  await report('曹春生', '2026-11');
  await report('李华', '2026-10');
});
afterAll(() => h.close());

async function report(name: PersonName, period: string, userId?: string) {
  const tenantId = name === '朱建国' ? 'rc' : 'yx';
  await h.database.owner.execute(sql`insert into reporting.monthly_reports (tenant_id, user_id, member_id, period, summary)
    values (${tenantId}, ${userId ?? as.member(name).userId}, ${memberIdOf(name)}, ${period}, '在东莞务工。')`);
}
const at = (local: string) => new Date(`${local}+08:00`);
/** Runs the job at a China local time; procedures called after it see the same clock. */
const run = async (local: string) => (h.clock.now = at(local)) && Object.fromEntries((await runEscalation(h.database, at(local))).map(({ tenantId, ...c }) => [tenantId, c]));
const none = { reminded: 0, tasksCreated: 0, proposed: 0 };
const reminded = (period: string) => db.rows(sql`select tenant_id, user_id, kind, official, dedupe_key from reporting.notifications where subject->>'id' = ${period} order by tenant_id, user_id`);
const tasks = (period: string) => db.rows(sql`select tenant_id, member_id, status from reporting.contact_tasks where period = ${period} order by tenant_id, member_id`);

describe('the escalation ladder, November 2026 (defaults: day 5, day 10, 3 months)', () => {
  it('before the reminder day nothing happens (23:59 on the 4th in China)', async () => {
    expect(await run('2026-11-04T23:59:00')).toEqual({ rc: none, yx: none });
    expect(await db.count('notifications')).toBe(0);
  });

  it('from the 5th (00:30 China, still the 4th in UTC) each member owing the report gets one reminder', async () => {
    expect(await run('2026-11-05T00:30:00')).toEqual({ rc: { ...none, reminded: 1 }, yx: { ...none, reminded: 3 } });
    expect(await reminded('2026-11')).toEqual([
      { tenant_id: 'rc', user_id: 'u-zjg', kind: 'reminder', official: false, dedupe_key: `remind:${memberIdOf('朱建国')}:2026-11` },
      { tenant_id: 'yx', user_id: 'u-cds', kind: 'reminder', official: false, dedupe_key: `remind:${memberIdOf('曹德胜')}:2026-11` },
      { tenant_id: 'yx', user_id: 'u-hwj', kind: 'reminder', official: false, dedupe_key: `remind:${memberIdOf('黄文杰')}:2026-11` },
      { tenant_id: 'yx', user_id: 'u-lh', kind: 'reminder', official: false, dedupe_key: `remind:${memberIdOf('李华')}:2026-11` },
    ]);
  });

  it('running again, the same day or later before the task day, repeats nothing', async () => {
    expect(await run('2026-11-05T09:00:00')).toEqual({ rc: none, yx: none });
    expect(await run('2026-11-09T23:00:00')).toEqual({ rc: none, yx: none });
    expect(await reminded('2026-11')).toHaveLength(4);
    expect(await db.count('contact_tasks')).toBe(0);
  });

  it('the member sees the reminder in the inbox', async () => {
    const inbox = (await h.query('/api/reporting/trpc/notifications.mine', { as: as.member('曹德胜') })).data;
    expect(inbox).toEqual([expect.objectContaining({ kind: 'reminder', notice: 'report_reminder', params: { period: '2026-11' }, title: null, subject: { type: 'monthly_report', id: '2026-11' } })]);
  });

  it('from the 10th a contact task per member still owing, once', async () => {
    await report('朱建国', '2026-11'); // reported after the reminder: no task
    expect(await run('2026-11-10T08:00:00')).toEqual({ rc: none, yx: { ...none, tasksCreated: 3 } });
    expect(await run('2026-11-10T20:00:00')).toEqual({ rc: none, yx: none });
    expect((await tasks('2026-11')).map((t) => t.member_id)).toEqual([memberIdOf('曹德胜'), memberIdOf('李华'), memberIdOf('黄文杰')].sort());
  });

  it('3 months without a report and a failed contact this month → one lost-contact proposal', async () => {
    h.clock.now = at('2026-11-11T20:00:00');
    const taskOf = async (name: PersonName) => (await db.rows(sql`select id from reporting.contact_tasks where member_id = ${memberIdOf(name)} and period = '2026-11'`))[0].id;
    for (const name of ['曹德胜', '李华', '黄文杰'] as const) {
      const result = await h.mutate('/api/reporting/trpc/escalation.recordContact', {
        as: as.secretaryOf('matian'), input: { taskId: await taskOf(name), channel: 'phone', result: 'unreachable', attemptedOn: '2026-11-11' },
      });
      // 黄文杰 is in 黄草镇: 马田镇's secretary cannot reach that task.
      expect(result.error?.code ?? 'ok').toBe(name === '黄文杰' ? 'NOT_FOUND' : 'ok');
    }
    expect((await h.mutate('/api/reporting/trpc/escalation.recordContact', {
      as: as.department(), input: { taskId: await taskOf('黄文杰'), channel: 'visit', result: 'no_answer', attemptedOn: '2026-11-11' },
    })).error).toBeNull();
    // 李华 reported in October; 黄文杰 is already lost contact: only 曹德胜 is proposed.
    expect(await run('2026-11-12T08:00:00')).toEqual({ rc: none, yx: { ...none, proposed: 1 } });
    expect(await run('2026-11-12T09:00:00')).toEqual({ rc: none, yx: none });
    expect(await db.rows(sql`select tenant_id, payload from reporting.outbox where topic = 'reporting.lost_contact_proposed'`)).toEqual([
      { tenant_id: 'yx', payload: { memberId: memberIdOf('曹德胜'), period: '2026-11', periods: ['2026-09', '2026-10', '2026-11'], contactTaskId: await taskOf('曹德胜') } },
    ]);
  });

  it('a member reached by the secretary is not proposed', async () => {
    h.clock.now = at('2026-11-12T20:00:00');
    await h.database.owner.execute(sql`update reporting.members set status = 'mobile' where member_id = ${memberIdOf('黄文杰')}`);
    const [task] = await db.rows(sql`select id from reporting.contact_tasks where member_id = ${memberIdOf('黄文杰')}`);
    expect((await h.mutate('/api/reporting/trpc/escalation.recordContact', {
      as: as.secretaryOf('huangcao'), input: { taskId: task.id, channel: 'wechat', result: 'reached', attemptedOn: '2026-11-12' },
    })).error).toBeNull();
    expect(await run('2026-11-13T08:00:00')).toEqual({ rc: none, yx: none });
  });
});

describe('per-tenant settings change the days', () => {
  it("汝城 reminds on the 2nd and tasks on the 3rd; 永兴 keeps the defaults", async () => {
    const updated = await h.mutate('/api/reporting/trpc/escalation.updateSettings', { as: as.department('rc'), input: { reminderDay: 2, contactTaskDay: 3, lostContactMonths: 2 } });
    expect(updated.error).toBeNull();
    expect(await run('2026-12-01T12:00:00')).toEqual({ rc: none, yx: none });
    expect(await run('2026-12-02T08:00:00')).toEqual({ rc: { ...none, reminded: 1 }, yx: none });
    expect(await run('2026-12-03T08:00:00')).toEqual({ rc: { ...none, tasksCreated: 1 }, yx: none });
    expect(await tasks('2026-12')).toEqual([{ tenant_id: 'rc', member_id: memberIdOf('朱建国'), status: 'open' }]);
  });

  it('a 2-month rule counts 2 months: 朱建国 reported in November, so a failed December contact proposes nothing', async () => {
    h.clock.now = at('2026-12-03T20:00:00');
    const [task] = await db.rows(sql`select id from reporting.contact_tasks where period = '2026-12'`);
    expect((await h.mutate('/api/reporting/trpc/escalation.recordContact', { as: as.secretaryOf('rcTown'), input: { taskId: task.id, channel: 'phone', result: 'no_answer', attemptedOn: '2026-12-03' } })).error).toBeNull();
    expect((await run('2026-12-04T08:00:00')).rc).toEqual(none);
    // In January, with December and January missed and January's contact failed, it proposes.
    expect((await run('2027-01-03T08:00:00')).rc).toEqual({ ...none, reminded: 1, tasksCreated: 1 });
    h.clock.now = at('2027-01-03T20:00:00');
    const [january] = await db.rows(sql`select id from reporting.contact_tasks where period = '2027-01'`);
    expect((await h.mutate('/api/reporting/trpc/escalation.recordContact', { as: as.secretaryOf('rcTown'), input: { taskId: january.id, channel: 'phone', result: 'unreachable', attemptedOn: '2027-01-03' } })).error).toBeNull();
    expect((await run('2027-01-04T08:00:00')).rc).toEqual({ ...none, proposed: 1 });
    const [event] = await db.rows(sql`select payload from reporting.outbox where tenant_id = 'rc' and topic = 'reporting.lost_contact_proposed'`);
    expect(event.payload.periods).toEqual(['2026-12', '2027-01']);
  });
});

describe('reminders the member controls (issue 17)', () => {
  const call = (name: string, person: PersonName, input?: unknown) =>
    input === undefined ? h.query(`/api/reporting/trpc/notifications.${name}`, { as: as.member(person) }) : h.mutate(`/api/reporting/trpc/notifications.${name}`, { as: as.member(person), input });

  it('李华 turns reminders off: no report reminder for him, the others still get theirs; the contact task (official) stays', async () => {
    expect((await call('reminders', '李华')).data).toEqual({ reminders: true });
    expect((await call('setReminders', '李华', { reminders: false })).data).toEqual({ reminders: false });
    expect((await call('setReminders', '李华', { reminders: false })).data).toEqual({ reminders: false });
    expect((await call('reminders', '李华')).data).toEqual({ reminders: false });
    // Another member's setting is their own.
    expect((await call('reminders', '曹德胜')).data).toEqual({ reminders: true });

    await run('2027-02-05T09:00:00');
    const users = (await reminded('2027-02')).map((r: { user_id: string }) => r.user_id);
    expect(users).toContain('u-cds');
    expect(users).not.toContain('u-lh');
    await run('2027-02-10T09:00:00');
    expect((await tasks('2027-02')).map((t: { member_id: string }) => t.member_id)).toContain(memberIdOf('李华'));
  });

  it('turned back on, the next month reminds him again; bad input is BAD_REQUEST, an anonymous caller UNAUTHORIZED', async () => {
    expect((await call('setReminders', '李华', { reminders: 'no' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { reminders: expect.any(String) } });
    expect((await h.mutate('/api/reporting/trpc/notifications.setReminders', { input: { reminders: false } })).error?.code).toBe('UNAUTHORIZED');
    expect((await call('setReminders', '李华', { reminders: true })).data).toEqual({ reminders: true });
    await run('2027-03-05T09:00:00');
    expect((await reminded('2027-03')).map((r: { user_id: string }) => r.user_id)).toContain('u-lh');
  });
});
