import { relayOutbox, type DomainEvent } from '@tongxin/db';
import { applyGrantRefusal, migrations as reportingMigrations, reportingSchema } from '@tongxin/reporting';
import { app as reportingApp } from '@tongxin/reporting/app';
import type { ServiceBindings } from '@tongxin/trpc';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app as rosterApp } from '../app.ts';
import { migrations } from '../migrations.ts';
import { orgDirectory, orgs, outbox as rosterOutbox } from '../schema.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { applyCheckinEvent } from './apply-checkin-event.ts';

// 李明 (永兴县 'yx', 涌水村流动党员党支部) works in 广州 and checks in with 汝城县's ('rc') flow
// branch there. Roster and reporting on one database, as on the platform; reporting's events
// reach roster through the outbox relay, as the runner does.
let h: ServiceHarness;
let ids: Record<string, string>;
let paths: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
let liMing: string;
let checkinId: string;

const GRANTED = ['destinationCity', 'employer', 'occupation', 'residentialAddress', 'destinationPhone'];
const liming = () => as.memberAs('user-liming', 'yongshuiMobile');
const roster = (name: string) => `/api/roster/trpc/grants.${name}`;
const checkins = (name: string) => `/api/reporting/trpc/checkins.${name}`;
const FLOW_BRANCHES = [
  ['rcFlow', '汝城县驻广州流动党员党支部', '广州', null],
  ['rcClosed', '汝城县驻佛山流动党员党支部', '佛山', new Date('2026-06-30T00:00:00Z')],
  ['rcShenzhen', '汝城县驻深圳流动党员党支部', '深圳', null],
] as const;
const orgName = (org: string) => FLOW_BRANCHES.find(([key]) => key === org)![1];
const toOrg = (org: string, key: string) => ({ destTenantId: 'rc', destOrgId: ids[org], idempotencyKey: key });
const grants = () => db.rows(sql`select tenant_id, grantee_tenant_id, revoked_at, revoked_by, data from roster.ledger_grants order by granted_at`);

/** Relays reporting's outbox to roster's consumer; the results by topic. */
async function relay(): Promise<{ event: DomainEvent; result: string }[]> {
  const applied: { event: DomainEvent; result: string }[] = [];
  await relayOutbox(h.database, reportingSchema.outbox, async (event) => {
    applied.push({ event, result: await applyCheckinEvent(h.database, event, h.clock.now) });
  });
  return applied.filter((a) => a.result !== 'ignored');
}

/** Relays roster's outbox to reporting's grant-refusal consumer, as the runner does; the results by topic. */
async function relayBack(): Promise<{ event: DomainEvent; result: string }[]> {
  const applied: { event: DomainEvent; result: string }[] = [];
  await relayOutbox(h.database, rosterOutbox, async (event) => {
    applied.push({ event, result: await applyGrantRefusal(h.database, event) });
  });
  return applied.filter((a) => a.result !== 'ignored');
}
const myCheckin = async (checkinId: string) => (await h.query(checkins('mine'), { as: liming() })).data.find((c: any) => c.id === checkinId);
const limingNotices = () => db.rows(sql`select kind, notice, params, body, dedupe_key from reporting.notifications where user_id = 'user-liming'`);
const destination = async () =>
  (await db.rows(sql`select destination_org_name, destination_org_leader, destination_org_contact from roster.members where id = ${liMing}`))[0];
const grantOf = (checkinId: string) => db.rows(sql`select 1 from roster.ledger_grants where checkin_id = ${checkinId}`);

beforeAll(async () => {
  const both = new Hono<{ Bindings: ServiceBindings }>().route('/', rosterApp).route('/', reportingApp);
  h = await createServiceHarness(both, [migrations, reportingMigrations]);
  ({ ids, paths } = await seedRoster(h.database));
  // 汝城县's flow branches in 广州 and 深圳 (open) and 佛山 (closed), with their directory entries.
  for (const [key, name, city, closedAt] of FLOW_BRANCHES) {
    ids[key] = crypto.randomUUID();
    paths[key] = `${paths.rcDepartment}${ids[key]}/`;
    await h.database.owner.insert(orgs).values({ tenantId: 'rc', id: ids[key], parentId: ids.rcDepartment, kind: 'flow_branch', name, city, province: '广东', path: paths[key], closedAt });
    await h.database.owner.insert(orgDirectory).values({ tenantId: 'rc', orgId: ids[key], kind: 'flow_branch', name, province: '广东', city, path: paths[key], closedAt });
    // Reporting's copy, as roster.org_saved left it before the closures (roster's own check is what these tests are about).
    await h.database.owner.insert(reportingSchema.orgDirectory).values({ tenantId: 'rc', orgId: ids[key], name, path: paths[key] });
  }
  as = callers(ids);
  db = ownerReads(h.database);
  liMing = await db.memberId('李明');
  await h.database.owner.execute(sql`update roster.members set id_card_number = '43102319900101001X', phone = '13800001111', employer = '广州某装修公司',
    occupation = '木工', residential_address = '广州市白云区同和街', destination_phone = '13900002222', destination_org_leader = '朱书记', destination_city = '广州' where id = ${liMing}`);
  await h.database.owner.execute(sql`insert into roster.members (tenant_id, name, branch_id, org_path, employer) values ('rc', '朱小红', ${ids.rcFlow}, ${paths.rcFlow}, '广州某物流公司')`);
  await h.database.owner.insert(reportingSchema.members).values({ tenantId: 'yx', memberId: liMing, userId: 'user-liming', name: '李明', branchId: ids.yongshuiMobile!, orgPath: paths.yongshuiMobile!, status: 'mobile' });
});
afterAll(() => h.close());

describe('without a grant the destination sees nothing', () => {
  it('no granted members, only its own members in the flow roster, and the member record is NOT_FOUND', async () => {
    expect((await h.query(roster('members'), { as: as.secretaryOf('rcFlow', 'rc'), input: {} })).data).toEqual([]);
    const flow = await h.query(roster('flowRoster'), { as: as.secretaryOf('rcFlow', 'rc'), input: { orgId: ids.rcFlow } });
    expect(flow.data).toEqual([expect.objectContaining({ source: 'local', name: '朱小红', originBranch: '汝城县驻广州流动党员党支部', originTenant: 'rc', employer: '广州某物流公司' })]);
    for (const who of [as.secretaryOf('rcFlow', 'rc'), as.department('rc')]) {
      expect((await h.query('/api/roster/trpc/members.get', { as: who, input: { memberId: liMing } })).error?.code).toBe('NOT_FOUND');
    }
  });

  it('a pending check-in grants nothing yet', async () => {
    const request = await h.mutate(checkins('request'), { as: liming(), input: toOrg('rcFlow', 'liming-gz-1') });
    expect(request.error).toBeNull();
    checkinId = request.data.checkinId;
    expect(await relay()).toEqual([]);
    expect((await h.query(roster('members'), { as: as.department('rc'), input: {} })).data).toEqual([]);
  });

  it('a secretary of another organization cannot accept it: NOT_FOUND, and still no grant', async () => {
    const other = await h.mutate(checkins('decide'), { as: as.secretaryOf('reshui', 'rc'), input: { checkinId, decision: 'accept' } });
    expect(other.error?.code).toBe('NOT_FOUND');
    expect(await relay()).toEqual([]);
    expect(await grants()).toEqual([]);
  });
});

describe('with the grant, exactly the granted fields', () => {
  it('accepting writes the grant in the member\'s county, once', async () => {
    const secretary = { ...as.secretaryOf('rcFlow', 'rc'), name: '陈建华' };
    expect((await h.mutate(checkins('decide'), { as: secretary, input: { checkinId, decision: 'accept' } })).data).toEqual({ status: 'accepted' });
    const applied = await relay();
    expect(applied.map((a) => [a.event.topic, a.result])).toEqual([['reporting.checkin_accepted', 'applied']]);
    expect(await applyCheckinEvent(h.database, applied[0]!.event)).toBe('duplicate');
    expect(await grants()).toEqual([expect.objectContaining({ tenant_id: 'yx', grantee_tenant_id: 'rc', revoked_at: null })]);
  });

  it('enter once (issue 17): the acceptance is the ledger\'s destination organization, its leader the secretary who accepted, in one version', async () => {
    expect(await destination()).toEqual({ destination_org_name: '汝城县驻广州流动党员党支部', destination_org_leader: '陈建华', destination_org_contact: null });
    const versions = await db.versions(liMing);
    expect(versions.filter((v: { action: string }) => v.action === 'checkin_accepted')).toHaveLength(1);
  });

  it('the destination secretary sees the member with exactly the granted fields', async () => {
    const { data } = await h.query(roster('members'), { as: as.secretaryOf('rcFlow', 'rc'), input: { orgId: ids.rcFlow } });
    expect(data).toEqual([{ memberTenantId: 'yx', memberId: liMing, granteeOrgId: ids.rcFlow, fields: GRANTED, data: expect.any(Object), grantedAt: h.clock.now.toISOString() }]);
    expect(Object.keys(data[0].data).sort()).toEqual(['name', 'originBranch', 'originTenant', ...GRANTED].sort());
    expect(data[0].data).toEqual({
      name: '李明', originBranch: '涌水村流动党员党支部', originTenant: 'yx',
      destinationCity: '广州', employer: '广州某装修公司', occupation: '木工', residentialAddress: '广州市白云区同和街', destinationPhone: '13900002222',
    });
    // The grant is the only path: the member record itself stays out of reach.
    expect((await h.query('/api/roster/trpc/members.get', { as: as.department('rc'), input: { memberId: liMing } })).error?.code).toBe('NOT_FOUND');
  });

  it('the flow roster lists local and checked-in members in one list, each with origin branch and county', async () => {
    const { data } = await h.query(roster('flowRoster'), { as: as.department('rc'), input: { orgId: ids.rcFlow } });
    // By name in Chinese order (pinyin: 李 before 朱).
    expect(data.map((m: any) => [m.source, m.name, m.originBranch, m.originTenant])).toEqual([
      ['checked_in', '李明', '涌水村流动党员党支部', 'yx'],
      ['local', '朱小红', '汝城县驻广州流动党员党支部', 'rc'],
    ]);
    const checkedIn = data.find((m: any) => m.source === 'checked_in');
    expect(Object.keys(checkedIn).sort()).toEqual(['memberId', 'memberTenantId', 'name', 'originBranch', 'originTenant', 'source', ...GRANTED].sort());
  });

  it('another org of the destination county, the home county and a third county see no granted member', async () => {
    expect((await h.query(roster('members'), { as: as.secretaryOf('reshui', 'rc'), input: {} })).data).toEqual([]);
    expect((await h.query(roster('members'), { as: as.department('yx'), input: {} })).data).toEqual([]);
    expect((await h.query(roster('members'), { as: as.department('zz'), input: {} })).data).toEqual([]);
  });

  it('a member may not list grants; an org outside the caller\'s subtree or in another county is NOT_FOUND', async () => {
    expect((await h.query(roster('members'), { as: liming(), input: {} })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(roster('flowRoster'), { as: liming(), input: { orgId: ids.rcFlow } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(roster('flowRoster'), { as: as.secretaryOf('reshui', 'rc'), input: { orgId: ids.rcFlow } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(roster('members'), { as: as.secretaryOf('reshui', 'rc'), input: { orgId: ids.rcFlow } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(roster('flowRoster'), { as: as.department('zz'), input: { orgId: ids.rcFlow } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(roster('flowRoster'), { as: as.department('yx'), input: { orgId: ids.rcFlow } })).error?.code).toBe('NOT_FOUND');
  });

  it('a change to the member\'s ledger reaches the grant; an ungranted field does not', async () => {
    const update = await h.mutate('/api/roster/trpc/ledger.updateMine', { as: liming(), input: { ledger: { employer: '广州某家具厂', destinationOrgLeader: '王书记' }, idempotencyKey: 'liming-ledger-1' } });
    expect(update.error).toBeNull();
    const { data } = await h.query(roster('members'), { as: as.secretaryOf('rcFlow', 'rc'), input: {} });
    expect(data[0].data.employer).toBe('广州某家具厂');
    expect(data[0].data).not.toHaveProperty('destinationOrgLeader');
  });
});

describe('the destination moves its org', () => {
  it("a grant into the moved org follows it: the new parent's secretary reads the member, the grant's path is the org's new one", async () => {
    const orgsCall = (name: string) => `/api/roster/trpc/orgs.${name}`;
    const created = await h.mutate(orgsCall('create'), {
      as: as.department('rc'),
      input: { parentId: ids.rcDepartment, kind: 'township', name: '土桥镇党委', idempotencyKey: 'rc-township-1' },
    });
    expect(created.error).toBeNull();
    const township = created.data.id as string;
    const moved = await h.mutate(orgsCall('move'), { as: as.department('rc'), input: { orgId: ids.rcFlow, newParentId: township, idempotencyKey: 'rc-move-1' } });
    expect(moved.error).toBeNull();
    // The grant is 永兴's row: 汝城's move reaches it only through roster.repath_grantee_orgs.
    const [grant] = await db.rows(sql`select grantee_org_path from roster.ledger_grants where checkin_id = ${checkinId}`);
    expect(grant!.grantee_org_path).toBe(`${paths.rcDepartment}${township}/${ids.rcFlow}/`);
    const townshipSecretary = { tenantId: 'rc', userId: 'sec-rc-township', roles: [{ role: 'secretary' as const, orgId: township }] };
    const { data } = await h.query(roster('members'), { as: townshipSecretary, input: {} });
    expect(data.map((m: any) => m.data.name)).toEqual(['李明']);
    // And back, for the tests after this one: the fixture put the flow branch right under the
    // department, where the tree's rules no longer let a move put it.
    await h.database.owner.execute(sql`update roster.orgs set parent_id = ${ids.rcDepartment}, path = ${paths.rcFlow} where id = ${ids.rcFlow}`);
    await h.database.owner.execute(sql`update roster.org_directory set path = ${paths.rcFlow} where org_id = ${ids.rcFlow}`);
    await h.database.owner.execute(sql`update roster.members set org_path = ${paths.rcFlow} where branch_id = ${ids.rcFlow}`);
    await h.database.owner.execute(sql`update roster.ledger_grants set grantee_org_path = ${paths.rcFlow} where checkin_id = ${checkinId}`);
  });
});

describe('after revocation, nothing again', () => {
  it('ending the check-in revokes the grant, once, and empties its copy', async () => {
    h.clock.now = new Date('2026-12-01T09:00:00+08:00');
    expect((await h.mutate(checkins('end'), { as: liming(), input: { checkinId, reason: '回永兴了' } })).data).toEqual({ status: 'ended' });
    const applied = await relay();
    expect(applied.map((a) => [a.event.topic, a.result])).toEqual([['reporting.checkin_ended', 'applied']]);
    expect(await applyCheckinEvent(h.database, applied[0]!.event)).toBe('duplicate');
    expect(await grants()).toEqual([{ tenant_id: 'yx', grantee_tenant_id: 'rc', revoked_at: expect.anything(), revoked_by: 'user-liming', data: {} }]);
    // What the acceptance filled in the ledger is cleared, in a version of its own.
    expect(await destination()).toEqual({ destination_org_name: null, destination_org_leader: null, destination_org_contact: null });
    expect((await db.versions(liMing)).filter((v: { action: string }) => v.action === 'checkin_ended')).toHaveLength(1);
  });

  it('the destination sees nothing again; the flow roster is back to its own members', async () => {
    expect((await h.query(roster('members'), { as: as.secretaryOf('rcFlow', 'rc'), input: {} })).data).toEqual([]);
    const { data } = await h.query(roster('flowRoster'), { as: as.secretaryOf('rcFlow', 'rc'), input: { orgId: ids.rcFlow } });
    expect(data.map((m: any) => m.name)).toEqual(['朱小红']);
  });
});

describe('a destination that is closed or not what the directory says gets no grant', () => {
  it('a check-in accepted for a closed organization grants nothing', async () => {
    const request = await h.mutate(checkins('request'), { as: liming(), input: toOrg('rcClosed', 'liming-fs-1') });
    expect(request.error).toBeNull();
    expect((await h.mutate(checkins('decide'), { as: as.secretaryOf('rcClosed', 'rc'), input: { checkinId: request.data.checkinId, decision: 'accept' } })).data).toEqual({ status: 'accepted' });
    expect((await relay()).map((a) => [a.event.topic, a.result])).toEqual([['reporting.checkin_accepted', 'refused']]);
    expect(await db.count('ledger_grants')).toBe(1);
    expect((await h.query(roster('members'), { as: as.secretaryOf('rcClosed', 'rc'), input: {} })).data).toEqual([]);
    // The member ended it before roster's answer arrived: nothing left to refuse, no message.
    await h.mutate(checkins('end'), { as: liming(), input: { checkinId: request.data.checkinId } });
    await relay();
    expect((await relayBack()).map((a) => [a.event.topic, a.event.payload, a.result])).toEqual([
      ['roster.checkin_grant_refused', { checkinId: request.data.checkinId, memberTenantId: 'yx', reason: 'org_closed' }, 'skipped'],
    ]);
    expect((await myCheckin(request.data.checkinId)).status).toBe('ended');
    expect(await limingNotices()).toEqual([]);
  });

  it('an org closed after the request: the accepted check-in ends refused, with a reason and one message to the member', async () => {
    const request = await h.mutate(checkins('request'), { as: liming(), input: toOrg('rcShenzhen', 'liming-sz-1') });
    expect(request.error).toBeNull();
    const checkinId = request.data.checkinId;
    // 汝城县 closes its 深圳 branch in between; its secretary still accepts from the list open before.
    await h.database.owner.execute(sql`update roster.orgs set closed_at = ${h.clock.now} where id = ${ids.rcShenzhen}`);
    await h.database.owner.execute(sql`update roster.org_directory set closed_at = ${h.clock.now} where org_id = ${ids.rcShenzhen}`);
    expect((await h.mutate(checkins('decide'), { as: as.secretaryOf('rcShenzhen', 'rc'), input: { checkinId, decision: 'accept' } })).data).toEqual({ status: 'accepted' });
    expect((await relay()).map((a) => [a.event.topic, a.result])).toEqual([['reporting.checkin_accepted', 'refused']]);

    // Roster says so in the member's county, once; reporting refuses the check-in from it, once.
    const back = await relayBack();
    expect(back.map((a) => [a.event.tenantId, a.event.topic, a.event.payload, a.result])).toEqual([
      ['yx', 'roster.checkin_grant_refused', { checkinId, memberTenantId: 'yx', reason: 'org_closed' }, 'applied'],
    ]);
    expect(await applyGrantRefusal(h.database, back[0]!.event)).toBe('duplicate');
    expect(await relayBack()).toEqual([]);
    // The refusal ends the check-in for every consumer of its end (issue 13): no grant to revoke, no copy to remove.
    expect((await relay()).map((a) => [a.event.topic, (a.event.payload as { checkinId: string }).checkinId, a.result])).toEqual([['reporting.checkin_ended', checkinId, 'applied']]);

    expect(await myCheckin(checkinId)).toEqual(expect.objectContaining({ status: 'refused', reason: '该组织已撤销，无法报到', destOrgName: '汝城县驻深圳流动党员党支部' }));
    expect(await limingNotices()).toEqual([
      // A notice and its parameters: the member's inbox renders 汝城县驻深圳流动党员党支部未能接收您的报到 / 该组织已撤销，无法报到.
      { kind: 'checkin_decision', notice: 'checkin_grant_refused', params: { org: '汝城县驻深圳流动党员党支部', reason: 'org_closed' }, body: null, dedupe_key: `grant-refused:${checkinId}` },
    ]);
    const inbox = await h.query('/api/reporting/trpc/notifications.mine', { as: liming(), input: {} });
    expect(inbox.data.map((n: any) => n.params)).toEqual([{ org: '汝城县驻深圳流动党员党支部', reason: 'org_closed' }]);
    expect(await grantOf(checkinId)).toEqual([]);
    expect(await db.count('ledger_grants')).toBe(1);
    // The destination sees it refused, not as a member it looks after.
    const destination = await h.query(checkins('inbox'), { as: as.secretaryOf('rcShenzhen', 'rc'), input: {} });
    expect(destination.data.find((c: any) => c.id === checkinId)?.status).toBe('refused');
    expect((await h.query(roster('members'), { as: as.secretaryOf('rcShenzhen', 'rc'), input: {} })).data).toEqual([]);
  });

  it('a path with made-up ancestors is not taken: the org on it never sees the request, and the real destination is granted (issue 13)', async () => {
    // The path would end at the right org but run through 热水村党支部, whose secretary could then accept.
    const forged = { ...toOrg('rcFlow', 'liming-forged-1'), destOrgPath: `${paths.reshui}${ids.rcFlow}/`, destOrgName: '热水村党支部' };
    const request = await h.mutate(checkins('request'), { as: liming(), input: forged });
    expect(request.error).toBeNull();
    expect((await h.mutate(checkins('decide'), { as: as.secretaryOf('reshui', 'rc'), input: { checkinId: request.data.checkinId, decision: 'accept' } })).error?.code).toBe('NOT_FOUND');
    expect(await relay()).toEqual([]);
    expect((await h.query(roster('members'), { as: as.secretaryOf('reshui', 'rc'), input: {} })).data).toEqual([]);
    expect(await myCheckin(request.data.checkinId)).toEqual(expect.objectContaining({ status: 'pending', destOrgName: orgName('rcFlow') }));
    expect((await h.mutate(checkins('decide'), { as: as.secretaryOf('rcFlow', 'rc'), input: { checkinId: request.data.checkinId, decision: 'accept' } })).data).toEqual({ status: 'accepted' });
    expect((await relay()).map((a) => [a.event.topic, a.result])).toEqual([['reporting.checkin_accepted', 'applied']]);
    expect(await grantOf(request.data.checkinId)).toHaveLength(1);
    expect(await relayBack()).toEqual([]);
    await h.mutate(checkins('end'), { as: liming(), input: { checkinId: request.data.checkinId } });
    await relay();
  });

  it("a destination roster has moved since reporting's copy heard of it gets no grant: the check-in ends refused", async () => {
    const moved = crypto.randomUUID();
    const stale = `${paths.rcDepartment}${moved}/`;
    await h.database.owner.insert(orgs).values({ tenantId: 'rc', id: moved, parentId: ids.reshui, kind: 'flow_branch', name: '汝城县驻东莞流动党员党支部', city: '东莞', province: '广东', path: `${paths.reshui}${moved}/` });
    await h.database.owner.insert(orgDirectory).values({ tenantId: 'rc', orgId: moved, kind: 'flow_branch', name: '汝城县驻东莞流动党员党支部', province: '广东', city: '东莞', path: `${paths.reshui}${moved}/` });
    await h.database.owner.insert(reportingSchema.orgDirectory).values({ tenantId: 'rc', orgId: moved, name: '汝城县驻东莞流动党员党支部', path: stale });
    const request = await h.mutate(checkins('request'), { as: liming(), input: { destTenantId: 'rc', destOrgId: moved, idempotencyKey: 'liming-dg-1' } });
    expect(request.error).toBeNull();
    expect((await h.mutate(checkins('decide'), { as: as.department('rc'), input: { checkinId: request.data.checkinId, decision: 'accept' } })).data).toEqual({ status: 'accepted' });
    expect((await relay()).map((a) => [a.event.topic, a.result])).toEqual([['reporting.checkin_accepted', 'refused']]);
    expect(await grantOf(request.data.checkinId)).toEqual([]);
    expect((await relayBack()).map((a) => [a.event.payload, a.result])).toEqual([
      [{ checkinId: request.data.checkinId, memberTenantId: 'yx', reason: 'path_mismatch' }, 'applied'],
    ]);
    expect(await myCheckin(request.data.checkinId)).toEqual(expect.objectContaining({ status: 'refused', reason: '目的地组织信息不符' }));
    expect((await relay()).map((a) => [a.event.topic, a.result])).toEqual([['reporting.checkin_ended', 'applied']]);
  });
});
