import { renderNotice } from '@tongxin/i18n/notices';
import { tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { listNotifications } from '../notifications/list-notifications.ts';
import { applyCertificateEnding } from './apply-certificate-ending.ts';

// Issue 17: roster announces a certificate ending soon; reporting reminds the holder and the branch.
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase([migrations]);
});
afterAll(() => database.close());

const id = () => crypto.randomUUID();
const ending = (extra: Record<string, unknown> = {}, tenantId = 'yx'): DomainEvent => ({
  id: id(), tenantId, topic: 'roster.certificate_ending', createdAt: new Date('2026-11-05T08:00:00+08:00'),
  payload: {
    certificateId: id(), memberId: id(), number: '永兴〔2026〕第001号', holderName: '李明', validUntil: '2026-11-20',
    memberUserId: 'u-liming', branchUserIds: ['u-cao'], ...extra,
  },
});
/** Each message as its reader sees it in Chinese. */
const notes = async (userId: string) =>
  ((await database.owner.execute(sql`select tenant_id, user_id, kind, notice, params, subject, official from reporting.notifications where user_id = ${userId} order by created_at`)).rows as any[])
    .map(({ notice, params, ...row }) => ({ ...row, ...renderNotice('zh-CN', notice, params) }));

describe('applyCertificateEnding', () => {
  it('reminds the holder and the branch’s secretary once each, in the holder’s county; a redelivery changes nothing', async () => {
    const event = ending();
    expect(await applyCertificateEnding(database, event)).toBe('applied');
    expect(await applyCertificateEnding(database, event)).toBe('duplicate');
    const subject = { type: 'certificate', id: (event.payload as { certificateId: string }).certificateId };
    expect(await notes('u-liming')).toEqual([{
      tenant_id: 'yx', user_id: 'u-liming', kind: 'reminder', subject, official: false,
      title: '您的流动党员活动证将于 2026-11-20 到期', detail: '活动证 永兴〔2026〕第001号。返回时请交回活动证并报告外出期间的情况；仍需在外的，请联系乡镇党委重新办理。',
    }]);
    expect(await notes('u-cao')).toMatchObject([{ tenant_id: 'yx', title: '李明的流动党员活动证将于 2026-11-20 到期', official: false }]);
    const inbox = await tenantTransaction(database, { tenantId: 'yx', userId: 'u-liming' }, (tx) => listNotifications(tx, 'u-liming', { unreadOnly: true, limit: 50 }));
    expect(inbox).toMatchObject([{ notice: 'certificate_ending', createdAt: new Date('2026-11-05T08:00:00+08:00') }]);
  });

  it('a holder who turned reminders off gets none; the branch still does; a holder without an account is skipped', async () => {
    await database.owner.execute(sql`insert into reporting.reminder_settings (tenant_id, user_id, reminders) values ('yx', 'u-off', false)`);
    await applyCertificateEnding(database, ending({ memberUserId: 'u-off', branchUserIds: ['u-branch-1'] }));
    await applyCertificateEnding(database, ending({ memberUserId: null, holderName: '李华', branchUserIds: ['u-branch-2'] }));
    expect(await notes('u-off')).toEqual([]);
    expect((await notes('u-branch-1')).map((n) => n.title)).toEqual(['李明的流动党员活动证将于 2026-11-20 到期']);
    expect((await notes('u-branch-2')).map((n) => n.title)).toEqual(['李华的流动党员活动证将于 2026-11-20 到期']);
  });

  it('another county’s inboxes hear nothing of it, and other topics are ignored', async () => {
    await applyCertificateEnding(database, ending({ memberUserId: 'u-rc', branchUserIds: [] }, 'rc'));
    expect(await notes('u-rc')).toMatchObject([{ tenant_id: 'rc' }]);
    const inYx = await tenantTransaction(database, { tenantId: 'yx', userId: 'u-rc' }, (tx) => listNotifications(tx, 'u-rc', { unreadOnly: true, limit: 50 }));
    expect(inYx).toEqual([]);
    const other: DomainEvent = { ...ending(), topic: 'roster.member_updated' };
    expect(await applyCertificateEnding(database, other)).toBe('ignored');
  });
});
