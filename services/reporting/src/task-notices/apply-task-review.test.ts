import { renderNotice } from '@tongxin/i18n/notices';
import { tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { listNotifications } from '../notifications/list-notifications.ts';
import { applyTaskReviewToInbox } from './apply-task-review.ts';

// 永兴县 'yx' is the member's county; 汝城县 'rc' runs a flow branch whose tasks yx members claim.
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase([migrations]);
});
afterAll(() => database.close());

const id = () => crypto.randomUUID();
const event = (topic: string, payload: Record<string, unknown>, tenantId = 'yx'): DomainEvent => ({ id: id(), tenantId, topic, payload, createdAt: new Date('2026-11-20T10:00:00+08:00') });
const approved = (userId: string, extra: Record<string, unknown> = {}, tenantId = 'yx') =>
  event('tasks.completion_approved', {
    claimId: id(), completionId: id(), taskId: id(), taskKind: 'sell_products', taskOrgId: id(), taskTitle: '帮卖冰糖橙',
    points: 8, amount: 12, unit: 'boxes', memberTenantId: 'yx', memberId: id(), userId, approvedAt: '2026-11-20T09:30:00.000Z', ...extra,
  }, tenantId);
const rejected = (userId: string, extra: Record<string, unknown> = {}, tenantId = 'yx') =>
  event('tasks.completion_rejected', {
    claimId: id(), completionId: id(), taskId: id(), taskTitle: '帮卖冰糖橙', reason: '照片看不清销售记录',
    memberTenantId: 'yx', memberId: id(), userId, rejectedAt: '2026-11-20T09:40:00.000Z', ...extra,
  }, tenantId);
/** Each message as the member reads it in Chinese: the notice's title and fixed line, and the reviewer's words as written. */
const notes = async (userId: string) =>
  ((await database.owner.execute(sql`select tenant_id, user_id, kind, notice, params, body, subject, official from reporting.notifications where user_id = ${userId} order by created_at`)).rows as any[])
    .map(({ notice, params, ...row }) => ({ ...row, ...renderNotice('zh-CN', notice, params) }));
const inboxOf = (tenantId: string, userId: string) => tenantTransaction(database, { tenantId, userId }, (tx) => listNotifications(tx, userId, { unreadOnly: true, limit: 50 }));

describe('applyTaskReviewToInbox', () => {
  it('an approval reaches the member’s inbox once, with the task and its points; a redelivery changes nothing', async () => {
    const e = approved('u-liming');
    expect(await applyTaskReviewToInbox(database, e)).toBe('applied');
    expect(await applyTaskReviewToInbox(database, e)).toBe('duplicate');
    const claimId = (e.payload as { claimId: string }).claimId;
    expect(await notes('u-liming')).toEqual([{
      tenant_id: 'yx', user_id: 'u-liming', kind: 'task_review',
      title: '任务“帮卖冰糖橙”的完成情况已审核通过', body: null, detail: '积分 8 分。',
      subject: { type: 'task_claim', id: claimId }, official: false,
    }]);
    // In the member's own inbox, dated when the reviewer decided.
    expect(await inboxOf('yx', 'u-liming')).toMatchObject([{ kind: 'task_review', notice: 'task_approved', params: { task: '帮卖冰糖橙', points: 8 }, createdAt: new Date('2026-11-20T09:30:00.000Z') }]);
  });

  it('a rejection tells the reason and where to resubmit; a redelivery changes nothing', async () => {
    const e = rejected('u-lihua');
    expect(await applyTaskReviewToInbox(database, e)).toBe('applied');
    expect(await applyTaskReviewToInbox(database, e)).toBe('duplicate');
    expect(await notes('u-lihua')).toMatchObject([{
      tenant_id: 'yx', kind: 'task_review', official: false,
      title: '任务“帮卖冰糖橙”的完成情况被退回', body: '照片看不清销售记录', detail: '请在“任务”中修改后重新提交。',
    }]);
  });

  it('a task of another county reaches the member in the member’s county, the event claimed there', async () => {
    const e = rejected('u-huang', { reason: '数量与照片不符！' }, 'rc');
    expect(await applyTaskReviewToInbox(database, e)).toBe('applied');
    expect(await applyTaskReviewToInbox(database, e)).toBe('duplicate');
    expect(await notes('u-huang')).toMatchObject([{ tenant_id: 'yx', body: '数量与照片不符！' }]);
    expect(await inboxOf('yx', 'u-huang')).toHaveLength(1);
    expect(await inboxOf('rc', 'u-huang')).toEqual([]);
    const claimed = (await database.owner.execute(sql`select tenant_id from reporting.processed_events where event_id = ${e.id}`)).rows;
    expect(claimed).toEqual([{ tenant_id: 'yx' }]);
    const approval = approved('u-huang', {}, 'rc');
    expect(await applyTaskReviewToInbox(database, approval)).toBe('applied');
    expect((await notes('u-huang')).map((n) => [n.tenant_id, n.title])).toEqual([
      ['yx', '任务“帮卖冰糖橙”的完成情况已审核通过'],
      ['yx', '任务“帮卖冰糖橙”的完成情况被退回'],
    ]);
  });

  it('a second rejection after a resubmission is a new message', async () => {
    const claimId = id();
    await applyTaskReviewToInbox(database, rejected('u-zhou', { claimId, rejectedAt: '2026-11-21T01:00:00.000Z' }));
    await applyTaskReviewToInbox(database, rejected('u-zhou', { claimId, reason: '还缺销售数量', rejectedAt: '2026-11-22T01:00:00.000Z' }));
    expect((await notes('u-zhou')).map((n) => n.body)).toEqual([
      '照片看不清销售记录',
      '还缺销售数量',
    ]);
  });

  it('without the task’s title in the event the wording stays general', async () => {
    await applyTaskReviewToInbox(database, approved('u-chen', { taskTitle: undefined, points: 3 }));
    await applyTaskReviewToInbox(database, rejected('u-chen', { taskTitle: null, rejectedAt: undefined }));
    // The rejection without its time is dated when the event was recorded, before the approval.
    expect((await notes('u-chen')).map((n) => [n.title, n.body, n.detail])).toEqual([
      ['您提交的任务完成情况被退回', '照片看不清销售记录', '请在“任务”中修改后重新提交。'],
      ['您提交的任务完成情况已审核通过', null, '积分 3 分。'],
    ]);
  });

  it('ignores the other topics of the tasks outbox and everything else', async () => {
    const claimed = event('tasks.claimed', { claimId: id(), taskId: id(), taskKind: 'study', taskOrgId: id(), memberTenantId: 'yx', memberId: id(), userId: 'u-wang', claimedAt: '2026-11-20T01:00:00.000Z' });
    expect(await applyTaskReviewToInbox(database, claimed)).toBe('ignored');
    expect(await applyTaskReviewToInbox(database, event('reporting.checkin_decided', { memberTenantId: 'yx', userId: 'u-wang' }))).toBe('ignored');
    expect(await notes('u-wang')).toEqual([]);
    const processed = (await database.owner.execute(sql`select count(*)::int as n from reporting.processed_events where event_id = ${claimed.id}`)).rows;
    expect(processed).toEqual([{ n: 0 }]);
  });
});
