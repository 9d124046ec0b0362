import type { RoleGrant } from '@tongxin/auth';
import { relayOutbox, type DomainEvent } from '@tongxin/db';
import { DECIDES_ABOUT_ONESELF, LEVEL_ABOVE_DECIDES } from '@tongxin/trpc';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { applyRosterEventToReporting } from '../members/apply-roster-event.ts';
import { migrations } from '../migrations.ts';
import { members, orgDirectory, outbox } from '../schema.ts';
import { announceSeats } from '../testing/seats.ts';
import { applyCheckinDecision } from './notify-checkin-decision.ts';

// 永兴县 'yx' sends members; 汝城县 'rc' has a flow branch in 广州 that takes them in.
let h: ServiceHarness;
const id = () => crypto.randomUUID();
const o = {
  yxDepartment: id(), matian: id(), yongshuiMobile: id(), yongshui: id(), huangcao: id(), longtan: id(),
  rcDepartment: id(), rcFlow: id(), reshui: id(), rcClosed: id(),
};
const yxPath = (...keys: (keyof typeof o)[]) => `/${keys.map((k) => o[k]).join('/')}/`;
const paths = {
  yongshuiMobile: yxPath('yxDepartment', 'matian', 'yongshuiMobile'),
  yongshui: yxPath('yxDepartment', 'matian', 'yongshui'),
  longtan: yxPath('yxDepartment', 'huangcao', 'longtan'),
  rcFlow: yxPath('rcDepartment', 'rcFlow'),
  reshui: yxPath('rcDepartment', 'reshui'),
};
const memberIds = { liming: id(), lihua: id(), huang: id() };

const member = (userId: string, org: keyof typeof o = 'yongshuiMobile', tenantId = 'yx') => ({ tenantId, userId, roles: [{ role: 'member', orgId: o[org] }] as RoleGrant[] });
const secretaryOf = (org: keyof typeof o, tenantId = 'yx') => ({ tenantId, userId: `sec-${org}`, roles: [{ role: 'secretary', orgId: o[org] }] as RoleGrant[] });
const department = (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] });

const trpc = (name: string) => `/api/reporting/trpc/checkins.${name}`;
const toRcFlow = (key: string, extra: Record<string, unknown> = {}) => ({
  destTenantId: 'rc', destOrgId: o.rcFlow, note: '在广州白云区做装修', idempotencyKey: key, ...extra,
});
const count = async (where = sql`true`) =>
  ((await h.database.owner.execute(sql`select count(*)::int as n from reporting.checkins where ${where}`)).rows[0] as { n: number }).n;
const events = async (topic: string) =>
  (await h.database.owner.execute(sql`select tenant_id, payload from reporting.outbox where topic = ${topic} order by created_at`)).rows as { tenant_id: string; payload: any }[];

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  await h.database.owner.insert(members).values([
    { tenantId: 'yx', memberId: memberIds.liming, userId: 'user-liming', name: '李明', branchId: o.yongshuiMobile, orgPath: paths.yongshuiMobile, status: 'mobile' },
    { tenantId: 'yx', memberId: memberIds.lihua, userId: 'user-lihua', name: '李华', branchId: o.yongshui, orgPath: paths.yongshui, status: 'mobile' },
    { tenantId: 'yx', memberId: memberIds.huang, userId: 'user-huang', name: '黄文杰', branchId: o.longtan, orgPath: paths.longtan, status: 'mobile' },
  ]);
  // What roster.org_saved leaves in reporting's directory (the consumer is tested in members/).
  await h.database.owner.insert(orgDirectory).values([
    { tenantId: 'rc', orgId: o.rcFlow, name: '汝城县驻广州流动党员党支部', path: paths.rcFlow },
    { tenantId: 'rc', orgId: o.reshui, name: '热水村党支部', path: paths.reshui },
    { tenantId: 'yx', orgId: o.yongshuiMobile, name: '涌水村流动党员党支部', path: paths.yongshuiMobile },
  ]);
});
afterAll(() => h.close());

let checkinId: string;

describe('a member checks in with an organization of another county', () => {
  it('a request is stored once, however often it is retried', async () => {
    const first = await h.mutate(trpc('request'), { as: member('user-liming'), input: toRcFlow('liming-rc-1') });
    const retry = await h.mutate(trpc('request'), { as: member('user-liming'), input: toRcFlow('liming-rc-1') });
    expect(first.error).toBeNull();
    expect(retry.data).toEqual(first.data);
    checkinId = first.data.checkinId;
    expect(await count()).toBe(1);
    const mine = await h.query(trpc('mine'), { as: member('user-liming') });
    expect(mine.data).toEqual([expect.objectContaining({
      id: checkinId, status: 'pending', destTenantId: 'rc', destOrgName: '汝城县驻广州流动党员党支部',
      grantFields: ['destinationCity', 'employer', 'occupation', 'residentialAddress', 'destinationPhone'],
    })]);
  });

  it('a second active check-in is BAD_REQUEST naming destOrgId, and nothing changes', async () => {
    const second = await h.mutate(trpc('request'), { as: member('user-liming'), input: toRcFlow('liming-rc-2', { destOrgId: o.reshui }) });
    expect(second.error).toMatchObject({ code: 'BAD_REQUEST', fields: { destOrgId: 'already_checked_in' }, problems: { destOrgId: { params: { org: expect.stringContaining('汝城县驻广州流动党员党支部') } } } });
    expect(await count()).toBe(1);
  });

  it('a check-in to an organization roster has closed is BAD_REQUEST naming destOrgId, and nothing changes', async () => {
    // What roster's events leave in reporting's copies (the consumer is tested in members/).
    const closedOrg = crypto.randomUUID();
    const rosterEvent = (topic: string, payload: unknown) =>
      applyRosterEventToReporting(h.database, { id: crypto.randomUUID(), tenantId: 'rc', topic, payload, createdAt: new Date() });
    await rosterEvent('roster.org_saved', { orgId: closedOrg, kind: 'flow_branch', name: '汝城县驻佛山流动党员党支部', path: `/${o.rcDepartment}/${closedOrg}/`, city: '佛山', closedAt: null });
    await rosterEvent('roster.org_closed', { orgId: closedOrg, closedAt: '2026-11-01T00:00:00Z' });
    const closed = await h.mutate(trpc('request'), { as: member('user-lihua', 'yongshui'), input: toRcFlow('lihua-closed', { destOrgId: closedOrg }) });
    expect(closed.error).toMatchObject({ code: 'BAD_REQUEST', fields: { destOrgId: expect.stringContaining('closed') } });
    expect(await count(sql`user_id = 'user-lihua'`)).toBe(0);
  });

  it('an organization the directory does not know is BAD_REQUEST naming destOrgId, and nothing is stored', async () => {
    const unknown = await h.mutate(trpc('request'), { as: member('user-lihua', 'yongshui'), input: toRcFlow('lihua-unknown', { destOrgId: crypto.randomUUID() }) });
    expect(unknown.error).toMatchObject({ code: 'BAD_REQUEST', fields: { destOrgId: 'org_not_found' } });
    // Another county's org named under the wrong county is not found either.
    const wrongCounty = await h.mutate(trpc('request'), { as: member('user-lihua', 'yongshui'), input: toRcFlow('lihua-wrong-county', { destTenantId: 'yx' }) });
    expect(wrongCounty.error).toMatchObject({ code: 'BAD_REQUEST', fields: { destOrgId: 'org_not_found' } });
    expect(await count(sql`user_id = 'user-lihua'`)).toBe(0);
  });

  it('an account without a member record, and a secretary, cannot check in', async () => {
    expect((await h.mutate(trpc('request'), { as: member('user-nobody'), input: toRcFlow('nobody-1') })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('request'), { as: secretaryOf('yongshuiMobile'), input: toRcFlow('sec-1') })).error?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(1);
  });

  it("the destination's secretary and department see the request; another org, the home county and a third county do not", async () => {
    const inbox = await h.query(trpc('inbox'), { as: secretaryOf('rcFlow', 'rc'), input: {} });
    expect(inbox.data).toEqual([expect.objectContaining({ id: checkinId, memberTenantId: 'yx', memberName: '李明', homeBranch: '涌水村流动党员党支部', status: 'pending', note: '在广州白云区做装修' })]);
    expect((await h.query(trpc('inbox'), { as: department('rc'), input: { status: 'pending' } })).data).toHaveLength(1);
    expect((await h.query(trpc('inbox'), { as: department('rc'), input: { status: 'accepted' } })).data).toEqual([]);
    expect((await h.query(trpc('inbox'), { as: secretaryOf('reshui', 'rc'), input: {} })).data).toEqual([]);
    expect((await h.query(trpc('inbox'), { as: department('yx'), input: {} })).data).toEqual([]);
    expect((await h.query(trpc('inbox'), { as: secretaryOf('yongshuiMobile'), input: {} })).data).toEqual([]);
    expect((await h.query(trpc('inbox'), { as: department('zz'), input: {} })).data).toEqual([]);
    expect((await h.query(trpc('inbox'), { as: member('user-liming') })).error?.code).toBe('FORBIDDEN');
  });

  it('the home branch, township and department see it with its status; another township and the destination county do not', async () => {
    for (const who of [secretaryOf('yongshuiMobile'), secretaryOf('matian'), department('yx')]) {
      const home = await h.query(trpc('forHome'), { as: who, input: {} });
      expect(home.data).toEqual([expect.objectContaining({ id: checkinId, memberName: '李明', status: 'pending', destOrgName: '汝城县驻广州流动党员党支部' })]);
    }
    expect((await h.query(trpc('forHome'), { as: secretaryOf('huangcao'), input: {} })).data).toEqual([]);
    expect((await h.query(trpc('forHome'), { as: department('rc'), input: {} })).data).toEqual([]);
    expect((await h.query(trpc('forHome'), { as: member('user-liming') })).error?.code).toBe('FORBIDDEN');
  });
});

describe('the destination decides', () => {
  const decide = (as: ReturnType<typeof department>, input: Record<string, unknown>) => h.mutate(trpc('decide'), { as, input: { checkinId, ...input } });

  it('a secretary of another organization, the home county and a third county get NOT_FOUND; nothing changes', async () => {
    expect((await decide(secretaryOf('reshui', 'rc'), { decision: 'accept' })).error?.code).toBe('NOT_FOUND');
    expect((await decide(secretaryOf('yongshuiMobile'), { decision: 'accept' })).error?.code).toBe('NOT_FOUND');
    expect((await decide(department('yx'), { decision: 'accept' })).error?.code).toBe('NOT_FOUND');
    expect((await decide(department('zz'), { decision: 'accept' })).error?.code).toBe('NOT_FOUND');
    expect((await decide(member('user-liming') as any, { decision: 'accept' })).error?.code).toBe('FORBIDDEN');
    expect(await count(sql`status = 'pending'`)).toBe(1);
    expect(await events('reporting.checkin_accepted')).toEqual([]);
  });

  it('refusing or returning without a reason is BAD_REQUEST naming reason', async () => {
    for (const decision of ['refuse', 'return']) {
      const result = await decide(secretaryOf('rcFlow', 'rc'), { decision, reason: '  ' });
      expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { reason: expect.any(String) } });
    }
    expect(await count(sql`status = 'pending'`)).toBe(1);
  });

  it('a return with a reason reaches the member, on the check-in and in the inbox once', async () => {
    expect((await decide(secretaryOf('rcFlow', 'rc'), { decision: 'return', reason: '请补充工作单位和联系电话' })).data).toEqual({ status: 'returned' });
    const mine = await h.query(trpc('mine'), { as: member('user-liming') });
    expect(mine.data[0]).toMatchObject({ status: 'returned', reason: '请补充工作单位和联系电话' });
    const delivered: DomainEvent[] = [];
    await relayOutbox(h.database, outbox, async (e) => { delivered.push(e); await applyCheckinDecision(h.database, e); });
    const decided = delivered.find((e) => e.topic === 'reporting.checkin_decided')!;
    expect(decided.tenantId).toBe('rc');
    expect(await applyCheckinDecision(h.database, decided)).toBe('duplicate');
    const notes = (await h.database.owner.execute(sql`select tenant_id, user_id, kind, notice, params, title, body from reporting.notifications`)).rows;
    expect(notes).toEqual([{ tenant_id: 'yx', user_id: 'user-liming', kind: 'checkin_decision', notice: 'checkin_returned', params: { org: '汝城县驻广州流动党员党支部' }, title: null, body: '请补充工作单位和联系电话' }]);
  });

  it('only a returned check-in is resubmitted, by its member; a retry changes nothing', async () => {
    const input = { checkinId, note: '广州白云区某装修公司，电话 13800001111', idempotencyKey: 'liming-resubmit-1' };
    expect((await h.mutate(trpc('resubmit'), { as: member('user-lihua', 'yongshui'), input })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { checkinId: expect.any(String) } });
    expect((await h.mutate(trpc('resubmit'), { as: member('user-liming'), input })).data).toEqual({ status: 'pending' });
    expect((await h.mutate(trpc('resubmit'), { as: member('user-liming'), input })).data).toEqual({ status: 'pending' });
    expect((await h.mutate(trpc('resubmit'), { as: member('user-liming'), input: { ...input, idempotencyKey: 'liming-resubmit-2' } })).error)
      .toMatchObject({ code: 'BAD_REQUEST', fields: { checkinId: expect.any(String) } });
    expect((await h.query(trpc('inbox'), { as: secretaryOf('rcFlow', 'rc'), input: { status: 'pending' } })).data[0]).toMatchObject({ note: input.note });
  });

  it('accepting records the grant event in the accepting county, once', async () => {
    expect((await decide(secretaryOf('rcFlow', 'rc'), { decision: 'accept' })).data).toEqual({ status: 'accepted' });
    expect((await decide(secretaryOf('rcFlow', 'rc'), { decision: 'accept' })).data).toEqual({ status: 'accepted' });
    expect((await decide(department('rc'), { decision: 'refuse', reason: '无法核实身份' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { checkinId: expect.any(String) } });
    expect(await events('reporting.checkin_accepted')).toEqual([{
      tenant_id: 'rc',
      payload: {
        checkinId, memberTenantId: 'yx', memberId: memberIds.liming, granteeTenantId: 'rc', granteeOrgId: o.rcFlow, granteeOrgPath: paths.rcFlow,
        fields: ['destinationCity', 'employer', 'occupation', 'residentialAddress', 'destinationPhone'], grantedBy: 'sec-rcFlow', grantedAt: h.clock.now.toISOString(),
        // What the member's ledger names as the destination once roster writes the grant (issue 17).
        granteeOrgName: '汝城县驻广州流动党员党支部', grantedByName: 'test',
      },
    }]);
    expect((await h.query(trpc('forHome'), { as: secretaryOf('yongshuiMobile'), input: {} })).data[0]).toMatchObject({ status: 'accepted' });
  });
});

describe('ending a check-in', () => {
  it('another member and another county cannot end it', async () => {
    expect((await h.mutate(trpc('end'), { as: member('user-lihua', 'yongshui'), input: { checkinId } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('end'), { as: secretaryOf('reshui', 'rc'), input: { checkinId } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('end'), { as: department('zz'), input: { checkinId } })).error?.code).toBe('NOT_FOUND');
    expect(await count(sql`status = 'accepted'`)).toBe(1);
  });

  it('the member ends it: ended, the revoking event written once, and a new check-in is possible with history kept', async () => {
    h.clock.now = new Date('2026-12-01T09:00:00+08:00');
    expect((await h.mutate(trpc('end'), { as: member('user-liming'), input: { checkinId, reason: '去深圳了' } })).data).toEqual({ status: 'ended' });
    expect((await h.mutate(trpc('end'), { as: member('user-liming'), input: { checkinId } })).data).toEqual({ status: 'ended' });
    expect(await events('reporting.checkin_ended')).toEqual([{ tenant_id: 'yx', payload: { checkinId, memberTenantId: 'yx', memberId: memberIds.liming, endedBy: 'user-liming', endedAt: h.clock.now.toISOString() } }]);
    const next = await h.mutate(trpc('request'), { as: member('user-liming'), input: toRcFlow('liming-rc-3', { destOrgId: o.reshui }) });
    expect(next.error).toBeNull();
    const mine = await h.query(trpc('mine'), { as: member('user-liming') });
    expect(mine.data.map((c: { status: string; destOrgName: string }) => [c.status, c.destOrgName])).toEqual([['pending', '热水村党支部'], ['ended', '汝城县驻广州流动党员党支部']]);
    // The member's page labels the reason theirs (我的说明), not the destination's.
    expect(mine.data[1]).toMatchObject({ reason: '去深圳了', reasonIsMine: true });
    expect(mine.data[0]).toMatchObject({ reasonIsMine: false });
  });

  it('the home secretary may end a pending one (withdrawn, no grant to revoke)', async () => {
    const [open] = (await h.query(trpc('mine'), { as: member('user-liming') })).data;
    expect((await h.mutate(trpc('end'), { as: secretaryOf('matian'), input: { checkinId: open.id } })).data).toEqual({ status: 'withdrawn' });
    expect(await events('reporting.checkin_ended')).toHaveLength(1);
  });

  it('the destination secretary may end an accepted one', async () => {
    const { data } = await h.mutate(trpc('request'), { as: member('user-huang', 'longtan'), input: toRcFlow('huang-rc-1') });
    expect((await h.mutate(trpc('decide'), { as: secretaryOf('rcFlow', 'rc'), input: { checkinId: data.checkinId, decision: 'accept' } })).data).toEqual({ status: 'accepted' });
    expect((await h.mutate(trpc('end'), { as: secretaryOf('rcFlow', 'rc'), input: { checkinId: data.checkinId, reason: '已离开广州' } })).data).toEqual({ status: 'ended' });
    const ended = await events('reporting.checkin_ended');
    expect(ended[1]).toMatchObject({ tenant_id: 'rc', payload: { checkinId: data.checkinId, memberTenantId: 'yx', endedBy: 'sec-rcFlow' } });
    const [mine] = (await h.query(trpc('mine'), { as: member('user-huang', 'longtan') })).data;
    expect(mine).toMatchObject({ status: 'ended', reason: '已离开广州', reasonIsMine: false });
  });
});

describe('a secretary of the destination who is the member checking in', () => {
  // 龙潭村's member 邓国强 is also the secretary of 涌水村流动党支部, and checks in with it.
  const self = { memberId: id(), userId: 'user-secmember' };
  const both = { tenantId: 'yx', userId: self.userId, roles: [{ role: 'member', orgId: o.longtan }, { role: 'secretary', orgId: o.yongshuiMobile }] as RoleGrant[] };
  let own: string;
  beforeAll(async () => {
    await h.database.owner.insert(members).values({ tenantId: 'yx', memberId: self.memberId, userId: self.userId, name: '邓国强', branchId: o.longtan, orgPath: paths.longtan, status: 'mobile' });
    const requested = await h.mutate(trpc('request'), {
      as: both, input: toRcFlow('secmember-1', { destTenantId: 'yx', destOrgId: o.yongshuiMobile }),
    });
    expect(requested.error).toBeNull();
    own = requested.data.checkinId;
  });

  it('does not find it in the inbox and cannot accept, return or refuse it: FORBIDDEN, nothing changes', async () => {
    expect(((await h.query(trpc('inbox'), { as: both, input: {} })).data as { id: string }[]).map((c) => c.id)).not.toContain(own);
    for (const input of [{ decision: 'accept' }, { decision: 'return', reason: '请补充' }, { decision: 'refuse', reason: '不接收' }]) {
      expect((await h.mutate(trpc('decide'), { as: both, input: { checkinId: own, ...input } })).error).toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
    }
    expect(await count(sql`id = ${own} and status = 'pending'`)).toBe(1);
    expect((await events('reporting.checkin_accepted')).filter((e) => e.payload.checkinId === own)).toEqual([]);
  });

  it('nor may a deputy of his flow branch decide it (issue 13 C): FORBIDDEN, nothing changes', async () => {
    expect(await announceSeats(h.database, 'yx', self.userId, [{ orgId: o.yongshuiMobile, path: paths.yongshuiMobile }])).toBe('applied');
    // sec-yongshuiMobile holds a seat at the same org: the deputy he could have appointed.
    expect((await h.mutate(trpc('decide'), { as: secretaryOf('yongshuiMobile'), input: { checkinId: own, decision: 'accept' } })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect(await count(sql`id = ${own} and status = 'pending'`)).toBe(1);
  });

  it('the level above, the township secretary, sees it and accepts it', async () => {
    expect(((await h.query(trpc('inbox'), { as: secretaryOf('matian'), input: {} })).data as { id: string }[]).map((c) => c.id)).toContain(own);
    expect((await h.mutate(trpc('decide'), { as: secretaryOf('matian'), input: { checkinId: own, decision: 'accept' } })).data).toEqual({ status: 'accepted' });
  });
});

describe('a request carries ids only', () => {
  beforeAll(async () => {
    await h.database.owner.insert(members).values({ tenantId: 'yx', memberId: id(), userId: 'user-forger', name: '刘强', branchId: o.yongshui, orgPath: paths.yongshui, status: 'mobile' });
  });

  it("a forged destination path or name is not taken: the request stores the directory's, and the forged path's org never sees it (issue 13)", async () => {
    // The attack: another org of the destination county (热水村) prepended, so its secretary could accept.
    const forged = await h.mutate(trpc('request'), {
      as: member('user-forger', 'yongshui'),
      input: toRcFlow('forger-1', { destOrgPath: `${paths.reshui}${o.rcFlow}/`, destOrgName: '假的组织' }),
    });
    expect(forged.error).toBeNull();
    const stored = await h.database.owner.execute(sql`select dest_org_path, dest_org_name from reporting.checkins where id = ${forged.data.checkinId}`);
    expect(stored.rows).toEqual([{ dest_org_path: paths.rcFlow, dest_org_name: '汝城县驻广州流动党员党支部' }]);
    expect(((await h.query(trpc('inbox'), { as: secretaryOf('reshui', 'rc'), input: {} })).data as { id: string }[]).map((c) => c.id)).not.toContain(forged.data.checkinId);
    expect((await h.mutate(trpc('decide'), { as: secretaryOf('reshui', 'rc'), input: { checkinId: forged.data.checkinId, decision: 'accept' } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('end'), { as: member('user-forger', 'yongshui'), input: { checkinId: forged.data.checkinId } })).error).toBeNull();
  });
});

describe('the member chooses what a destination may read, above the county\'s minimum (issue 17)', () => {
  beforeAll(async () => {
    await h.database.owner.insert(members).values({ tenantId: 'yx', memberId: id(), userId: 'user-chooser', name: '王强', branchId: o.yongshui, orgPath: paths.yongshui, status: 'mobile' });
  });

  it('the member reads the minimum and the optional fields; a secretary may not ask as a member', async () => {
    const options = await h.query(trpc('shareOptions'), { as: member('user-chooser', 'yongshui') });
    expect(options.data).toEqual({
      minimum: ['destinationCity', 'employer', 'occupation', 'residentialAddress', 'destinationPhone'],
      optional: ['destinationProvince', 'destinationOrgName'],
    });
    expect((await h.query(trpc('shareOptions'), { as: secretaryOf('yongshui') })).error?.code).toBe('FORBIDDEN');
  });

  it('a request shares the minimum and what the member ticked, nothing else; a field that cannot be shared is BAD_REQUEST, nothing written', async () => {
    const before = await count();
    const bad = await h.mutate(trpc('request'), { as: member('user-chooser', 'yongshui'), input: toRcFlow('chooser-bad', { extraFields: ['idCardNumber'] }) });
    expect(bad.error).toMatchObject({ code: 'BAD_REQUEST', fields: { 'extraFields.0': expect.any(String) } });
    expect(await count()).toBe(before);
    const sent = await h.mutate(trpc('request'), { as: member('user-chooser', 'yongshui'), input: toRcFlow('chooser-1', { extraFields: ['destinationOrgName'] }) });
    expect(sent.error).toBeNull();
    const stored = await h.database.owner.execute(sql`select grant_fields from reporting.checkins where id = ${sent.data.checkinId}`);
    expect(stored.rows).toEqual([{ grant_fields: ['destinationCity', 'employer', 'occupation', 'residentialAddress', 'destinationPhone', 'destinationOrgName'] }]);
  });
});
