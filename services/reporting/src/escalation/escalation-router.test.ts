import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { as, memberIdOf, ownerReads, seedMembers, testApp } from './members-fixture.ts';
import { runEscalation } from './run-escalation.ts';

let h: ServiceHarness;
let db: ReturnType<typeof ownerReads>;
beforeAll(async () => {
  h = await createServiceHarness(testApp, [migrations]);
  db = ownerReads(h.database);
  await seedMembers(h.database);
  h.clock.now = new Date('2026-11-10T09:00:00+08:00');
  await runEscalation(h.database, h.clock.now);
});
afterAll(() => h.close());

const trpc = (name: string) => `/api/reporting/trpc/escalation.${name}`;

describe('escalation.settings', () => {
  it('the department reads the defaults, then its own settings; another tenant keeps the defaults', async () => {
    expect((await h.query(trpc('settings'), { as: as.department() })).data).toEqual({ reminderDay: 5, contactTaskDay: 10, lostContactMonths: 3, updatedAt: null });
    const updated = await h.mutate(trpc('updateSettings'), { as: as.department(), input: { reminderDay: 3, contactTaskDay: 8, lostContactMonths: 4 } });
    expect(updated.data).toMatchObject({ reminderDay: 3, contactTaskDay: 8, lostContactMonths: 4 });
    expect((await h.query(trpc('settings'), { as: as.department() })).data).toMatchObject({ reminderDay: 3, contactTaskDay: 8, lostContactMonths: 4 });
    expect((await h.query(trpc('settings'), { as: as.department('rc') })).data).toMatchObject({ reminderDay: 5, contactTaskDay: 10, lostContactMonths: 3 });
  });

  it('secretaries and members may not read or change them', async () => {
    for (const who of [as.secretaryOf('matian'), as.member('曹德胜')]) {
      expect((await h.query(trpc('settings'), { as: who })).error?.code).toBe('FORBIDDEN');
      expect((await h.mutate(trpc('updateSettings'), { as: who, input: { reminderDay: 1, contactTaskDay: 2, lostContactMonths: 1 } })).error?.code).toBe('FORBIDDEN');
    }
    expect(await db.rows(sql`select reminder_day from reporting.settings`)).toEqual([{ reminder_day: 3 }]);
  });

  it('a task day not after the reminder day, or days out of range, are BAD_REQUEST naming the field; nothing changes', async () => {
    const update = (input: object) => h.mutate(trpc('updateSettings'), { as: as.department(), input: { reminderDay: 5, contactTaskDay: 10, lostContactMonths: 3, ...input } });
    expect((await update({ contactTaskDay: 5 })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { contactTaskDay: 'after_reminder_day' } });
    expect((await update({ reminderDay: 29, contactTaskDay: 30 })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { reminderDay: expect.any(String) } });
    expect((await update({ reminderDay: 0 })).error?.fields).toHaveProperty('reminderDay');
    expect((await update({ lostContactMonths: 13 })).error?.fields).toHaveProperty('lostContactMonths');
    expect((await update({ lostContactMonths: 1.5 })).error?.fields).toHaveProperty('lostContactMonths');
    expect(await db.rows(sql`select reminder_day, contact_task_day, lost_contact_months from reporting.settings`)).toEqual([{ reminder_day: 3, contact_task_day: 8, lost_contact_months: 4 }]);
  });
});

describe('escalation.contactTasks', () => {
  const names = async (who: NonNullable<Parameters<typeof h.query>[1]>['as'], input: object = {}) =>
    ((await h.query(trpc('contactTasks'), { as: who, input })).data as { memberName: string }[]).map((t) => t.memberName);

  it('a secretary sees tasks for members in their subtree, with names; the department its tenant', async () => {
    expect(await names(as.secretaryOf('yongshui'))).toEqual(['曹德胜', '曹春生']);
    expect(await names(as.secretaryOf('matian'))).toEqual(['曹德胜', '曹春生', '李华']);
    expect(await names(as.secretaryOf('gaoting'))).toEqual(['李华']);
    expect(await names(as.secretaryOf('huangcao'))).toEqual(['黄文杰']);
    expect(await names(as.department())).toHaveLength(4);
    expect(await names(as.department('rc'))).toEqual(['朱建国']);
    const [task] = (await h.query(trpc('contactTasks'), { as: as.secretaryOf('gaoting') })).data;
    expect(task).toMatchObject({ memberId: memberIdOf('李华'), period: '2026-11', status: 'open', result: null });
  });

  it('a member is FORBIDDEN', async () => {
    expect((await h.query(trpc('contactTasks'), { as: as.member('曹德胜'), input: {} })).error?.code).toBe('FORBIDDEN');
  });

  it('recordContact closes a task in scope; the list filters by status', async () => {
    const [task] = (await h.query(trpc('contactTasks'), { as: as.secretaryOf('gaoting') })).data;
    const input = { taskId: task.id, channel: 'phone', result: 'no_answer', note: '打了三次', attemptedOn: '2026-11-10' };
    expect((await h.mutate(trpc('recordContact'), { as: as.secretaryOf('gaoting'), input })).data).toEqual({ id: task.id, status: 'done', result: 'no_answer', attemptedOn: '2026-11-10' });
    // A retry changes nothing.
    expect((await h.mutate(trpc('recordContact'), { as: as.secretaryOf('gaoting'), input })).error).toBeNull();
    expect(await names(as.secretaryOf('matian'), { status: 'done' })).toEqual(['李华']);
    expect(await names(as.secretaryOf('matian'), { status: 'open' })).toEqual(['曹德胜', '曹春生']);
  });

  it('another branch, township or tenant gets NOT_FOUND; a member FORBIDDEN; nothing changes', async () => {
    const [task] = (await h.query(trpc('contactTasks'), { as: as.secretaryOf('yongshui') })).data;
    const input = { taskId: task.id, channel: 'visit', result: 'reached', attemptedOn: '2026-11-10' };
    expect((await h.mutate(trpc('recordContact'), { as: as.secretaryOf('gaoting'), input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('recordContact'), { as: as.secretaryOf('huangcao'), input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('recordContact'), { as: as.department('rc'), input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('recordContact'), { as: as.member('曹德胜'), input })).error?.code).toBe('FORBIDDEN');
    expect(await db.count('contact_tasks', `status = 'done'`)).toBe(1);
  });

  it('bad input is BAD_REQUEST naming the field (a future date in China time too); nothing changes', async () => {
    const [task] = (await h.query(trpc('contactTasks'), { as: as.secretaryOf('yongshui') })).data;
    const record = (input: object) => h.mutate(trpc('recordContact'), { as: as.secretaryOf('yongshui'), input: { taskId: task.id, channel: 'phone', result: 'reached', attemptedOn: '2026-11-10', ...input } });
    expect((await record({ attemptedOn: '2026-11-11' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { attemptedOn: 'future_date' } });
    expect((await record({ attemptedOn: '11/10/2026' })).error?.fields).toHaveProperty('attemptedOn');
    expect((await record({ channel: 'pigeon' })).error?.fields).toHaveProperty('channel');
    expect((await record({ result: 'maybe' })).error?.fields).toHaveProperty('result');
    expect((await record({ taskId: 'x' })).error?.fields).toHaveProperty('taskId');
    expect(await db.count('contact_tasks', `status = 'done'`)).toBe(1);
  });
});
