import { tenantTransaction } from '@tongxin/db';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { as, ownerReads, seedMembers, testApp } from '../escalation/members-fixture.ts';
import { migrations } from '../migrations.ts';
import { renderNotice } from '@tongxin/i18n/notices';
import { notify, type NotifyInput } from './notify.ts';
import { deliverOutbound, loggingChannel, registerChannel, type OutboundMessage } from './outbound-channel.ts';

let h: ServiceHarness;
let db: ReturnType<typeof ownerReads>;
beforeAll(async () => {
  h = await createServiceHarness(testApp, [migrations]);
  db = ownerReads(h.database);
  await seedMembers(h.database);
});
afterAll(() => h.close());

const trpc = (name: string) => `/api/reporting/trpc/notifications.${name}`;
/** notify() as another part of reporting calls it: in a transaction of the writer's scope. */
type WriterInput = NotifyInput extends infer I ? (I extends NotifyInput ? Omit<I, 'tenantId'> & { tenantId?: string } : never) : never;
const notifyAs = (writer: { userId: string; orgIds?: string[] }, input: WriterInput) =>
  tenantTransaction(h.database, { tenantId: input.tenantId ?? 'yx', ...writer }, (tx) => notify(tx, { tenantId: 'yx', ...input } as NotifyInput));
const secretary = { userId: 'sec-yongshui', orgIds: ['00000000-0000-4000-8000-000000000003'] };
/** What the reader sees as titles, in Chinese: the notice rendered, or an old message's stored title. */
const titles = (items: { notice: string | null; params: unknown; title: string | null }[]) =>
  items.map((n) => (n.notice ? renderNotice('zh-CN', n.notice, n.params)?.title : n.title));

describe('notify', () => {
  it('a dedupe key makes a second write a no-op; the writer need not be able to read the inbox', async () => {
    const first = await notifyAs(secretary, { userId: 'u-cds', kind: 'acknowledgement', notice: 'report_acknowledged', params: { period: '2026-10' }, dedupeKey: 'ack:r1', at: new Date('2026-11-02T01:00:00Z') });
    const again = await notifyAs(secretary, { userId: 'u-cds', kind: 'acknowledgement', notice: 'report_acknowledged', params: { period: '2026-10' }, dedupeKey: 'ack:r1' });
    expect([first.created, again.created]).toEqual([true, false]);
    expect(await db.count('notifications', `dedupe_key = 'ack:r1'`)).toBe(1);
  });

  it('an official notice goes to the tenant channel after commit, once; a reminder stays in the app', async () => {
    const sent: OutboundMessage[] = [];
    registerChannel('yx', { send: async (m) => void sent.push(m) });
    const official = await notifyAs(secretary, { userId: 'u-ccs', kind: 'checkin_decision', notice: 'checkin_returned', params: { org: '深圳流动党支部' }, body: '请补充工作单位', official: true, dedupeKey: 'ck:1', at: new Date('2026-11-02T02:00:00Z') });
    const repeated = await notifyAs(secretary, { userId: 'u-ccs', kind: 'checkin_decision', notice: 'checkin_returned', params: { org: '深圳流动党支部' }, official: true, dedupeKey: 'ck:1' });
    const reminder = await notifyAs(secretary, { userId: 'u-ccs', kind: 'reminder', notice: 'report_reminder', params: { period: '2026-11' }, at: new Date('2026-11-02T03:00:00Z') });
    await deliverOutbound([official.outbound, repeated.outbound, reminder.outbound]);
    expect(sent).toEqual([{ tenantId: 'yx', userId: 'u-ccs', kind: 'checkin_decision', text: '深圳流动党支部请您补充报到信息：请补充工作单位' }]);
    registerChannel('yx', loggingChannel);
  });

  it('the logging channel logs one line with the user id and no text; a failing channel does not throw', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await deliverOutbound([{ tenantId: 'yx', userId: 'u-ccs', kind: 'checkin_decision', phone: '13800000000', text: '报到已接收：曹春生' }]);
    expect(info.mock.calls).toEqual([['outbound checkin_decision tenant=yx user=u-ccs']]);
    registerChannel('rc', { send: async () => { throw new Error('provider down'); } });
    await expect(deliverOutbound([{ tenantId: 'rc', userId: 'u-zjg', kind: 'x', text: 'y' }])).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
    info.mockRestore();
    error.mockRestore();
  });
});

describe('notifications router', () => {
  it('a user sees only their own messages, newest first, with the unread count', async () => {
    const ccs = await h.query(trpc('mine'), { as: as.member('曹春生') });
    expect(titles(ccs.data)).toEqual(['2026-11 月度报告提醒', '深圳流动党支部请您补充报到信息']);
    // Stored as a notice and its parameters, never as words; the person's own words are the body.
    expect(ccs.data[1]).toMatchObject({ kind: 'checkin_decision', notice: 'checkin_returned', params: { org: '深圳流动党支部' }, title: null, official: true, readAt: null, body: '请补充工作单位' });
    expect(renderNotice('en', ccs.data[1].notice, ccs.data[1].params)).toEqual({ title: '深圳流动党支部 asks you to complete your check-in', detail: null });
    expect(titles((await h.query(trpc('mine'), { as: as.member('曹德胜') })).data)).toEqual(['2026-10 月报已阅']);
    expect((await h.query(trpc('unreadCount'), { as: as.member('曹春生') })).data).toEqual({ count: 2 });
    // Neither the secretary who wrote them nor the department reads them here.
    expect((await h.query(trpc('mine'), { as: as.secretaryOf('yongshui') })).data).toEqual([]);
    expect((await h.query(trpc('mine'), { as: as.department() })).data).toEqual([]);
    expect((await h.query(trpc('unreadCount'), { as: as.department() })).data).toEqual({ count: 0 });
  });

  it('the same user id in another tenant sees nothing of this one', async () => {
    const otherTenant = { ...as.member('曹春生'), tenantId: 'rc' };
    expect((await h.query(trpc('mine'), { as: otherTenant })).data).toEqual([]);
    expect((await h.mutate(trpc('markAllRead'), { as: otherTenant })).data).toEqual({ marked: 0 });
    expect(await db.count('notifications', `read_at is not null`)).toBe(0);
  });

  it("markRead marks one's own; another user's ids change nothing", async () => {
    const [latest, older] = (await h.query(trpc('mine'), { as: as.member('曹春生') })).data as { id: string }[];
    expect((await h.mutate(trpc('markRead'), { as: as.member('曹德胜'), input: { ids: [latest!.id] } })).data).toEqual({ marked: 0 });
    expect((await h.mutate(trpc('markRead'), { as: as.member('曹春生'), input: { ids: [older!.id] } })).data).toEqual({ marked: 1 });
    expect((await h.query(trpc('unreadCount'), { as: as.member('曹春生') })).data).toEqual({ count: 1 });
    const unread = (await h.query(trpc('mine'), { as: as.member('曹春生'), input: { unreadOnly: true } })).data;
    expect(titles(unread)).toEqual(['2026-11 月度报告提醒']);
    expect((await h.query(trpc('mine'), { as: as.member('曹春生'), input: { limit: 1 } })).data).toHaveLength(1);
    const [row] = await db.rows(sql`select read_at from reporting.notifications where id = ${older!.id}`);
    expect(new Date(row.read_at).toISOString()).toBe(h.clock.now.toISOString());
  });

  it('markAllRead marks the rest; a second call marks nothing', async () => {
    expect((await h.mutate(trpc('markAllRead'), { as: as.member('曹春生') })).data).toEqual({ marked: 1 });
    expect((await h.mutate(trpc('markAllRead'), { as: as.member('曹春生') })).data).toEqual({ marked: 0 });
    expect((await h.query(trpc('unreadCount'), { as: as.member('曹德胜') })).data).toEqual({ count: 1 });
  });

  it('a message from before notices were codes keeps its stored title; a message that says nothing is refused', async () => {
    await h.database.owner.execute(sql`insert into reporting.notifications (tenant_id, user_id, kind, title, created_at) values ('yx', 'u-cds', 'reply', '2026-09 月报有新回复', '2026-10-01T00:00:00Z')`);
    const list = (await h.query(trpc('mine'), { as: as.member('曹德胜') })).data;
    expect(titles(list)).toEqual(['2026-10 月报已阅', '2026-09 月报有新回复']);
    expect(list[1]).toMatchObject({ notice: null, params: null });
    const refused = await h.database.owner
      .execute(sql`insert into reporting.notifications (tenant_id, user_id, kind, notice) values ('yx', 'u-cds', 'reply', 'report_reply')`)
      .then(() => 'inserted', (error: { cause?: { message?: string } }) => error.cause?.message ?? String(error));
    expect(refused).toMatch(/notifications_says_something/);
  });

  it('bad input is BAD_REQUEST naming the field, nothing marked; anonymous callers are UNAUTHORIZED', async () => {
    const before = await db.count('notifications', 'read_at is null');
    expect((await h.mutate(trpc('markRead'), { as: as.member('曹德胜'), input: { ids: ['not-a-uuid'] } })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { 'ids.0': expect.any(String) } });
    expect((await h.mutate(trpc('markRead'), { as: as.member('曹德胜'), input: { ids: [] } })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { ids: expect.any(String) } });
    expect((await h.query(trpc('mine'), { as: as.member('曹德胜'), input: { limit: 0 } })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { limit: expect.any(String) } });
    expect(await db.count('notifications', 'read_at is null')).toBe(before);
    expect((await h.query(trpc('mine'))).error?.code).toBe('UNAUTHORIZED');
    expect((await h.mutate(trpc('markAllRead'))).error?.code).toBe('UNAUTHORIZED');
  });
});
