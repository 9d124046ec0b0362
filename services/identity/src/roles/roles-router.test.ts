import { SESSION_COOKIE, type RoleGrant } from '@tongxin/auth';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { PASSWORD, seedIdentity } from '../testing/identity-fixture.ts';
import { addPerson, addUser, onboardingApp, pathOf, RC, seedTree, YX } from '../testing/onboarding-fixture.ts';
import { mayAppoint } from './appointment-rule.ts';
import { rolesRouter } from './roles-router.ts';

let h: ServiceHarness;
const u = { department: '', secretaryA: '', deputyA1: '', rcDepartment: '', memberUser: '' };
const m = { withAccount: '', noAccount: '', inB: '', deputy: '', rc: '' };

beforeAll(async () => {
  h = await createServiceHarness(onboardingApp({ roles: rolesRouter }), [migrations]);
  await seedIdentity(h.database);
  await seedTree(h.database);
  const db = h.database;
  u.department = await addUser(db, 'yx', '13900000010', '组织部干部', [{ role: 'department' }]);
  u.secretaryA = await addUser(db, 'yx', '13900000011', '太和镇书记', [{ role: 'secretary', orgId: YX.townA }]);
  u.rcDepartment = await addUser(db, 'rc', '13900000012', '汝城组织部', [{ role: 'department' }]);
  u.memberUser = await addUser(db, 'yx', '13700000001', '张三', [{ role: 'member', orgId: YX.branchA1 }]);
  m.withAccount = await addPerson(db, 'yx', { name: '张三', branchId: YX.branchA1, phone: '13700000001', userId: u.memberUser });
  m.noAccount = await addPerson(db, 'yx', { name: '李四', branchId: YX.branchA2, phone: '13700000002' });
  m.inB = await addPerson(db, 'yx', { name: '陈八', branchId: YX.branchB1, phone: '13700000006' });
  m.rc = await addPerson(db, 'rc', { name: '刘九', branchId: RC.branch, phone: '13700000007' });
});
afterAll(() => h.close());
beforeEach(() => {
  h.clock.now = new Date(h.clock.now.getTime() + 3600_000);
});

type Who = { userId: string; tenantId: string; roles: RoleGrant[] };
const as = {
  department: (): Who => ({ userId: u.department, tenantId: 'yx', roles: [{ role: 'department' }] }),
  secretaryA: (): Who => ({ userId: u.secretaryA, tenantId: 'yx', roles: [{ role: 'secretary', orgId: YX.townA }] }),
  secretaryA1: (): Who => ({ userId: u.memberUser, tenantId: 'yx', roles: [{ role: 'secretary', orgId: YX.branchA1 }, { role: 'member', orgId: YX.branchA1 }] }),
  member: (): Who => ({ userId: u.memberUser, tenantId: 'yx', roles: [{ role: 'member', orgId: YX.branchA1 }] }),
  rcDepartment: (): Who => ({ userId: u.rcDepartment, tenantId: 'rc', roles: [{ role: 'department' }] }),
};
const appoint = (who: Who, input: object) => h.mutate('/api/identity/trpc/roles.appoint', { as: who, input });
const remove = (who: Who, appointmentId: string) => h.mutate('/api/identity/trpc/roles.remove', { as: who, input: { appointmentId } });
const list = (who: Who, input?: object) => h.query('/api/identity/trpc/roles.list', { as: who, input });
const count = async (query: ReturnType<typeof sql>) => (await h.database.owner.execute(query)).rows[0]!.n as number;

describe('roles.appoint and roles.remove', () => {
  it('an appointment reaches the member at their next refresh, and its removal too', async () => {
    const login = await h.mutate('/api/identity/trpc/auth.login', { input: { tenantId: 'yx', username: '13700000001', password: PASSWORD } });
    const session = login.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
    const refresh = () => h.mutate('/api/identity/trpc/auth.refresh', { cookies: { [SESSION_COOKIE]: session } });
    const secretaryOfA1 = { role: 'secretary', orgId: YX.branchA1 };

    const appointed = await appoint(as.secretaryA(), { orgId: YX.branchA1, memberId: m.withAccount, title: 'secretary' });
    expect(appointed.status).toBe(200);
    expect((await refresh()).data.roles).toContainEqual(secretaryOfA1);
    expect(await count(sql`select count(*)::int as n from identity.audit_events where kind = 'role_granted' and actor_user_id = ${u.secretaryA} and org_id = ${YX.branchA1} and detail->>'title' = 'secretary' and detail->>'memberId' = ${m.withAccount}`)).toBe(1);

    expect((await remove(as.secretaryA(), appointed.data.appointmentId)).status).toBe(200);
    expect((await refresh()).data.roles).not.toContainEqual(secretaryOfA1);
    expect(await count(sql`select count(*)::int as n from identity.audit_events where kind = 'role_removed' and actor_user_id = ${u.secretaryA} and org_id = ${YX.branchA1}`)).toBe(1);
    const ended = (await h.database.owner.execute(sql`select ended_at, ended_by_user_id from identity.appointments where id = ${appointed.data.appointmentId}`)).rows[0]!;
    expect(ended.ended_by_user_id).toBe(u.secretaryA);
  });

  it('identity announces the full set of a user’s seats on each appointment and removal, for the deciding services’ copies (issue 13 C)', async () => {
    const announced = async () =>
      ((await h.database.owner.execute(sql`select payload from identity.outbox where topic = 'identity.seats_changed' and payload->>'userId' = ${u.memberUser} order by created_at`)).rows as { payload: { orgIds: string[] } }[])
        .map((r) => r.payload.orgIds);
    const before = (await announced()).length;
    const first = await appoint(as.department(), { orgId: YX.branchA1, memberId: m.withAccount, title: 'deputy' });
    const second = await appoint(as.department(), { orgId: YX.townA, memberId: m.withAccount, title: 'deputy' });
    await remove(as.department(), first.data.appointmentId);
    await remove(as.department(), second.data.appointmentId);
    expect((await announced()).slice(before)).toEqual([[YX.branchA1], [YX.branchA1, YX.townA].sort(), [YX.townA], []]);
  });

  it('the announcement says how the holder is reached: their name and ledger phone (issue 17: a destination calls the home secretary)', async () => {
    const appointed = await appoint(as.department(), { orgId: YX.branchA1, memberId: m.withAccount, title: 'deputy' });
    const [last] = (await h.database.owner.execute(sql`select payload from identity.outbox where topic = 'identity.seats_changed' and payload->>'userId' = ${u.memberUser} order by created_at desc limit 1`)).rows as { payload: Record<string, unknown> }[];
    expect(last!.payload).toEqual({ userId: u.memberUser, orgIds: [YX.branchA1], name: '张三', phone: '13700000001' });
    await remove(as.department(), appointed.data.appointmentId);
  });

  it('a member without an account is appointed and waits for activation, without a role yet', async () => {
    const result = await appoint(as.department(), { orgId: YX.branchA2, memberId: m.noAccount, title: 'deputy' });
    expect(result.status).toBe(200);
    const seat = (await h.database.owner.execute(sql`select user_id, member_id, name, title, org_path from identity.appointments where id = ${result.data.appointmentId}`)).rows[0]!;
    expect(seat).toEqual({ user_id: null, member_id: m.noAccount, name: '李四', title: 'deputy', org_path: pathOf(YX.branchA2) });
    await remove(as.department(), result.data.appointmentId);
  });

  it('nobody holds the same seat twice', async () => {
    const first = await appoint(as.department(), { orgId: YX.townA, memberId: m.noAccount, title: 'deputy' });
    const again = await appoint(as.department(), { orgId: YX.townA, memberId: m.noAccount, title: 'secretary' });
    expect(again.error).toMatchObject({ code: 'CONFLICT' });
    await remove(as.department(), first.data.appointmentId);
  });

  it('a role held through two seats of one org stays until both end', async () => {
    const a = await appoint(as.department(), { orgId: YX.branchA1, memberId: m.withAccount, title: 'secretary' });
    // The same person invited as staff to the same org holds a second seat (no member id).
    await h.database.owner.execute(sql`insert into identity.appointments (tenant_id, org_id, org_path, user_id, name, title, appointed_at)
      values ('yx', ${YX.branchA1}, ${pathOf(YX.branchA1)}, ${u.memberUser}, '张三', 'deputy', now())`);
    await remove(as.department(), a.data.appointmentId);
    expect(await count(sql`select count(*)::int as n from identity.role_assignments where user_id = ${u.memberUser} and role = 'secretary' and org_id = ${YX.branchA1}`)).toBe(1);
    await h.database.owner.execute(sql`update identity.appointments set ended_at = now() where user_id = ${u.memberUser}`);
    await h.database.owner.execute(sql`delete from identity.role_assignments where user_id = ${u.memberUser} and role = 'secretary'`);
  });

  it('a secretary cannot appoint outside their subtree, nor the secretary of an org they hold', async () => {
    expect((await appoint(as.secretaryA(), { orgId: YX.branchB1, memberId: m.inB, title: 'secretary' })).error?.code).toBe('NOT_FOUND');
    expect((await appoint(as.secretaryA(), { orgId: YX.townA, memberId: m.noAccount, title: 'secretary' })).error).toMatchObject({ code: 'FORBIDDEN', message: 'Outside your scope' });
    const deputy = await appoint(as.secretaryA(), { orgId: YX.townA, memberId: m.noAccount, title: 'deputy' });
    expect(deputy.status).toBe(200);
    await remove(as.secretaryA(), deputy.data.appointmentId);
  });

  it('a deputy cannot remove the secretary of their own org', async () => {
    const secretary = await appoint(as.department(), { orgId: YX.branchA1, memberId: m.withAccount, title: 'secretary' });
    expect((await remove(as.secretaryA1(), secretary.data.appointmentId)).error).toMatchObject({ code: 'FORBIDDEN', message: 'Outside your scope' });
    await remove(as.department(), secretary.data.appointmentId);
  });

  it("a member outside the org's subtree is refused, naming the field", async () => {
    const result = await appoint(as.department(), { orgId: YX.branchA1, memberId: m.inB, title: 'deputy' });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'member_outside_org' } });
  });

  it('a secretary cannot appoint a member they cannot see', async () => {
    // The org is theirs, the member is in another township: not found, nothing revealed.
    expect((await appoint(as.secretaryA(), { orgId: YX.branchA1, memberId: m.inB, title: 'deputy' })).error?.code).toBe('NOT_FOUND');
  });

  it('a member may not appoint or remove; an anonymous caller neither', async () => {
    expect((await appoint(as.member(), { orgId: YX.branchA1, memberId: m.withAccount, title: 'deputy' })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate('/api/identity/trpc/roles.appoint', { input: { orgId: YX.branchA1, memberId: m.withAccount, title: 'deputy' } })).error?.code).toBe('UNAUTHORIZED');
    expect((await remove(as.member(), crypto.randomUUID())).error?.code).toBe('FORBIDDEN');
  });

  it("another county cannot appoint in this county's orgs or remove its appointments", async () => {
    expect((await appoint(as.rcDepartment(), { orgId: YX.branchA1, memberId: m.withAccount, title: 'deputy' })).error?.code).toBe('NOT_FOUND');
    const seat = await appoint(as.department(), { orgId: YX.branchA2, memberId: m.noAccount, title: 'secretary' });
    expect((await remove(as.rcDepartment(), seat.data.appointmentId)).error?.code).toBe('NOT_FOUND');
    expect((await appoint(as.department(), { orgId: RC.branch, memberId: m.rc, title: 'secretary' })).error?.code).toBe('NOT_FOUND');
    await remove(as.department(), seat.data.appointmentId);
  });

  it('bad input names the field', async () => {
    const result = await appoint(as.department(), { orgId: 'town', memberId: m.withAccount, title: 'chief' });
    expect(result.error?.code).toBe('BAD_REQUEST');
    expect(Object.keys(result.error!.fields!).sort()).toEqual(['orgId', 'title']);
  });
});

describe('roles.list', () => {
  it('the department sees the whole tree with its holders, and orgs without a secretary flagged', async () => {
    const seat = await appoint(as.department(), { orgId: YX.branchA2, memberId: m.noAccount, title: 'secretary' });
    const result = await list(as.department());
    expect(result.status).toBe(200);
    const byId = Object.fromEntries(result.data.map((o: { orgId: string }) => [o.orgId, o]));
    expect(Object.keys(byId)).toHaveLength(8);
    expect(byId[YX.branchA2]).toMatchObject({
      orgName: '油榨村党支部',
      kind: 'branch',
      path: pathOf(YX.branchA2),
      withoutSecretary: false,
      holders: [{ appointmentId: seat.data.appointmentId, memberId: m.noAccount, userId: null, name: '李四', title: 'secretary', hasAccount: false }],
    });
    expect(byId[YX.branchB1].withoutSecretary).toBe(true);
    expect(byId[YX.department].withoutSecretary).toBe(false);
    await remove(as.department(), seat.data.appointmentId);
  });

  it('a secretary sees only their subtree, or the part below an org of it', async () => {
    const all = await list(as.secretaryA());
    expect(all.data.map((o: { orgId: string }) => o.orgId)).toEqual([YX.townA, YX.branchA1, YX.branchA2, YX.flowA].sort((a, b) => pathOf(a).localeCompare(pathOf(b))));
    const below = await list(as.secretaryA(), { orgId: YX.branchA1 });
    expect(below.data.map((o: { orgId: string }) => o.orgId)).toEqual([YX.branchA1]);
    expect((await list(as.secretaryA(), { orgId: YX.townB })).error?.code).toBe('NOT_FOUND');
  });

  it('a member may not list roles', async () => {
    expect((await list(as.member())).error?.code).toBe('FORBIDDEN');
  });
});

describe('mayAppoint', () => {
  const branch = { orgId: YX.branchA1, path: pathOf(YX.branchA1) };
  it('the department fills any seat; a secretary seats below what they hold, and deputies of their own org', () => {
    expect(mayAppoint(null, branch, 'secretary')).toBe(true);
    expect(mayAppoint([YX.townA], branch, 'secretary')).toBe(true);
    expect(mayAppoint([YX.branchA1], branch, 'deputy')).toBe(true);
    expect(mayAppoint([YX.branchA1], branch, 'secretary')).toBe(false);
    expect(mayAppoint([YX.townB], branch, 'deputy')).toBe(false);
  });
});
