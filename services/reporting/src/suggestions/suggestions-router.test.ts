import { renderNotice } from '@tongxin/i18n/notices';
import type { RoleGrant } from '@tongxin/auth';
import { DECIDES_ABOUT_ONESELF, LEVEL_ABOVE_DECIDES } from '@tongxin/trpc';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, memberIdOf, orgs, ownerReads, seedMembers, testApp } from '../escalation/members-fixture.ts';
import { migrations } from '../migrations.ts';
import { announceSeats } from '../testing/seats.ts';

let h: ServiceHarness;
let db: ReturnType<typeof ownerReads>;
beforeAll(async () => {
  h = await createServiceHarness(testApp, [migrations]);
  db = ownerReads(h.database);
  await seedMembers(h.database);
});
afterAll(() => h.close());

const trpc = (name: string) => `/api/reporting/trpc/suggestions.${name}`;
const draft = (key: string, toOrgId: string = orgs.yongshui) => ({
  toOrgId, category: 'industry', title: '冰糖橙电商销售', body: '建议村里开网店，由在深圳的党员帮忙对接物流。', idempotencyKey: key,
});
const send = async (who: Parameters<typeof as.member>[0], input: unknown) => h.mutate(trpc('send'), { as: as.member(who), input });
const advance = (who: ReturnType<typeof as.secretaryOf> | ReturnType<typeof as.department>, input: unknown) =>
  h.mutate(trpc('advance'), { as: who, input });

describe('suggestions.send', () => {
  it('a member writes to the home branch; a retry with the same key is the same suggestion', async () => {
    const first = await send('曹德胜', draft('sg-key-0001'));
    const again = await send('曹德胜', draft('sg-key-0001'));
    expect(first.error).toBeNull();
    expect(again.data.id).toBe(first.data.id);
    const [row] = await db.rows(sql`select to_org_path, member_id, status, steps from reporting.suggestions where id = ${first.data.id}`);
    expect(row).toMatchObject({
      to_org_path: `/${orgs.yxDepartment}/${orgs.matian}/${orgs.yongshui}/`, member_id: memberIdOf('曹德胜'), status: 'received',
      steps: [{ status: 'received', by: 'u-cds', at: '2026-11-02T01:00:00.000Z' }],
    });
  });

  it('to the township, the path ends at the township', async () => {
    const sent = await send('曹德胜', draft('sg-key-0002', orgs.matian));
    const [row] = await db.rows(sql`select to_org_path from reporting.suggestions where id = ${sent.data.id}`);
    expect(row.to_org_path).toBe(`/${orgs.yxDepartment}/${orgs.matian}/`);
  });

  it("an org not above the member's branch is BAD_REQUEST toOrgId, nothing stored", async () => {
    const before = await db.count('suggestions');
    for (const toOrgId of [orgs.gaoting, orgs.huangcao, orgs.rcBranch]) {
      expect((await send('曹德胜', draft(`sg-bad-${toOrgId.slice(-4)}`, toOrgId))).error).toMatchObject({ code: 'BAD_REQUEST', fields: { toOrgId: expect.any(String) } });
    }
    expect(await db.count('suggestions')).toBe(before);
  });

  it('bad input names the field; a user without a member record is NOT_FOUND; staff are FORBIDDEN', async () => {
    const before = await db.count('suggestions');
    expect((await send('曹德胜', { ...draft('sg-key-0003'), category: 'gossip' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { category: expect.any(String) } });
    expect((await send('曹德胜', { ...draft('sg-key-0003'), title: '  ' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { title: expect.any(String) } });
    const stranger = { tenantId: 'yx', userId: 'u-nobody', roles: [{ role: 'member' as const, orgId: orgs.yongshui }] };
    expect((await h.mutate(trpc('send'), { as: stranger, input: draft('sg-key-0004') })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('send'), { as: as.secretaryOf('yongshui'), input: draft('sg-key-0005') })).error?.code).toBe('FORBIDDEN');
    expect(await db.count('suggestions')).toBe(before);
  });
});

describe('answering a suggestion', () => {
  let id: string;
  beforeAll(async () => {
    id = (await send('曹春生', { ...draft('sg-flow-0001'), title: '修村道' })).data.id;
  });

  it('the branch and township secretaries and the department see it; another branch, township or tenant does not', async () => {
    const inboxOf = async (who: NonNullable<Parameters<typeof h.query>[1]>['as']) =>
      ((await h.query(trpc('inbox'), { as: who, input: {} })).data as { id: string }[]).map((s) => s.id);
    expect(await inboxOf(as.secretaryOf('yongshui'))).toContain(id);
    expect(await inboxOf(as.secretaryOf('matian'))).toContain(id);
    expect(await inboxOf(as.department())).toContain(id);
    expect(await inboxOf(as.secretaryOf('gaoting'))).not.toContain(id);
    expect(await inboxOf(as.secretaryOf('huangcao'))).toEqual([]);
    expect(await inboxOf(as.department('rc'))).toEqual([]);
    const [row] = (await h.query(trpc('inbox'), { as: as.secretaryOf('yongshui'), input: { status: 'received' } })).data.filter((s: { id: string }) => s.id === id);
    expect(row).toMatchObject({ memberName: '曹春生', memberId: memberIdOf('曹春生'), title: '修村道' });
    expect((await h.query(trpc('inbox'), { as: as.member('曹春生'), input: {} })).error?.code).toBe('FORBIDDEN');
  });

  it('a secretary of another branch or tenant cannot move it (NOT_FOUND), nothing changes', async () => {
    expect((await advance(as.secretaryOf('gaoting'), { suggestionId: id, status: 'adopted' })).error?.code).toBe('NOT_FOUND');
    expect((await advance(as.department('rc'), { suggestionId: id, status: 'adopted' })).error?.code).toBe('NOT_FOUND');
    expect((await advance(as.member('曹春生'), { suggestionId: id, status: 'adopted' })).error?.code).toBe('FORBIDDEN');
    expect((await db.rows(sql`select status from reporting.suggestions where id = ${id}`))[0].status).toBe('received');
  });

  it('an impossible step is BAD_REQUEST status, nothing changes', async () => {
    for (const status of ['in_progress', 'done']) {
      expect((await advance(as.secretaryOf('yongshui'), { suggestionId: id, status })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { status: expect.any(String) } });
    }
    expect((await advance(as.secretaryOf('yongshui'), { suggestionId: id, status: 'received' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { status: expect.any(String) } });
    expect((await db.rows(sql`select status, jsonb_array_length(steps) as n from reporting.suggestions where id = ${id}`))[0]).toEqual({ status: 'received', n: 1 });
    expect(await db.count('notifications')).toBe(0);
  });

  it('received → adopted → in_progress → done: the member sees each step and a reply per step; adoption is one event', async () => {
    h.clock.now = new Date('2026-11-03T10:00:00+08:00');
    const adopted = await advance(as.secretaryOf('yongshui'), { suggestionId: id, status: 'adopted', answer: '支委会已讨论，列入明年计划。' });
    expect(adopted.data.status).toBe('adopted');
    // A retry of the same step changes nothing.
    expect((await advance(as.secretaryOf('yongshui'), { suggestionId: id, status: 'adopted', answer: '支委会已讨论，列入明年计划。' })).data.steps).toHaveLength(2);
    h.clock.now = new Date('2026-11-10T10:00:00+08:00');
    await advance(as.secretaryOf('matian'), { suggestionId: id, status: 'in_progress' });
    h.clock.now = new Date('2026-11-20T10:00:00+08:00');
    expect((await advance(as.department(), { suggestionId: id, status: 'done', answer: '村道已硬化。' })).error).toBeNull();

    const mine = (await h.query(trpc('mine'), { as: as.member('曹春生') })).data;
    expect(mine).toHaveLength(1);
    expect(mine[0].status).toBe('done');
    expect(mine[0].steps).toEqual([
      { status: 'received', by: 'u-ccs', at: expect.any(String) },
      { status: 'adopted', by: 'sec-yongshui', at: '2026-11-03T02:00:00.000Z', answer: '支委会已讨论，列入明年计划。' },
      { status: 'in_progress', by: 'sec-matian', at: '2026-11-10T02:00:00.000Z' },
      { status: 'done', by: 'dep-yx', at: '2026-11-20T02:00:00.000Z', answer: '村道已硬化。' },
    ]);
    const inbox = (await h.query('/api/reporting/trpc/notifications.mine', { as: as.member('曹春生') })).data;
    expect(inbox.map((n: { kind: string; notice: string; params: unknown }) => [n.kind, renderNotice('zh-CN', n.notice, n.params)?.title])).toEqual([
      ['reply', '您的建言已落实完成：修村道'],
      ['reply', '您的建言正在落实：修村道'],
      ['reply', '您的建言已被采纳：修村道'],
    ]);
    expect(inbox[2]).toMatchObject({ body: '支委会已讨论，列入明年计划。', subject: { type: 'suggestion', id } });
    const events = await db.rows(sql`select topic, payload from reporting.outbox where topic = 'reporting.suggestion_adopted'`);
    expect(events).toEqual([{ topic: 'reporting.suggestion_adopted', payload: { suggestionId: id, memberId: memberIdOf('曹春生'), userId: 'u-ccs', category: 'industry' } }]);
    expect((await advance(as.secretaryOf('yongshui'), { suggestionId: id, status: 'declined', answer: 'x' })).error?.fields).toHaveProperty('status');
  });

  it('declining needs an answer; with one, the member sees why', async () => {
    const other = (await send('曹德胜', { ...draft('sg-flow-0002'), title: '建广场' })).data.id;
    const before = await db.count('notifications');
    expect((await advance(as.secretaryOf('yongshui'), { suggestionId: other, status: 'declined' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { answer: expect.any(String) } });
    expect(await db.count('notifications')).toBe(before);
    await advance(as.secretaryOf('yongshui'), { suggestionId: other, status: 'declined', answer: '村里没有合适的空地。' });
    const mine = (await h.query(trpc('mine'), { as: as.member('曹德胜') })).data.find((s: { id: string }) => s.id === other);
    expect(mine.steps.at(-1)).toMatchObject({ status: 'declined', answer: '村里没有合适的空地。' });
    expect(await db.count('outbox', `payload->>'suggestionId' = '${other}'`)).toBe(0);
  });

  it("a member sees only their own suggestions", async () => {
    const titles = (await h.query(trpc('mine'), { as: as.member('曹德胜') })).data.map((s: { title: string }) => s.title);
    expect(titles).not.toContain('修村道');
    expect((await h.query(trpc('mine'), { as: as.member('李华') })).data).toEqual([]);
  });
});

describe('a secretary who is also a member of the branch', () => {
  // 刘秀英 is 涌水村's secretary and one of its members: one user, both roles.
  const both = { ...as.member('刘秀英'), roles: [{ role: 'secretary', orgId: orgs.yongshui }, { role: 'member', orgId: orgs.yongshui }] as RoleGrant[] };
  let id: string;
  beforeAll(async () => {
    id = (await h.mutate(trpc('send'), { as: both, input: { ...draft('sg-self-0001'), title: '给书记自己加分' } })).data.id;
  });

  it('does not find her own suggestion in the inbox and cannot adopt or answer it: FORBIDDEN, no points event', async () => {
    expect(((await h.query(trpc('inbox'), { as: both, input: {} })).data as { id: string }[]).map((s) => s.id)).not.toContain(id);
    expect(((await h.query(trpc('inbox'), { as: as.secretaryOf('yongshui'), input: {} })).data as { id: string }[]).map((s) => s.id)).toContain(id);
    for (const input of [{ suggestionId: id, status: 'adopted' }, { suggestionId: id, status: 'declined', answer: '不采纳' }]) {
      expect((await h.mutate(trpc('advance'), { as: both, input })).error).toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
    }
    const [row] = await db.rows(sql`select status from reporting.suggestions where id = ${id}`);
    expect(row.status).toBe('received');
    expect(await db.count('outbox', `payload->>'suggestionId' = '${id}'`)).toBe(0);
  });

  it('nor may a deputy of her branch adopt it (issue 13 C): FORBIDDEN, no points event', async () => {
    const [{ org_path: path }] = await db.rows(sql`select org_path from reporting.members where user_id = 'u-lxy'`);
    expect(await announceSeats(h.database, 'yx', 'u-lxy', [{ orgId: orgs.yongshui, path }])).toBe('applied');
    // sec-yongshui holds a seat at the same branch: the deputy she could have appointed.
    expect((await advance(as.secretaryOf('yongshui'), { suggestionId: id, status: 'adopted' })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect(await db.count('outbox', `payload->>'suggestionId' = '${id}'`)).toBe(0);
  });

  it('the level above, the township secretary, adopts it', async () => {
    expect((await advance(as.secretaryOf('matian'), { suggestionId: id, status: 'adopted' })).data.status).toBe('adopted');
    expect(await db.count('outbox', `payload->>'suggestionId' = '${id}'`)).toBe(1);
  });
});
