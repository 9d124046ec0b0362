import type { RoleGrant } from '@tongxin/auth';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

let h: ServiceHarness;
let ids: Record<string, string>;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
});
afterAll(() => h.close());

const member = () => ({ tenantId: 'yx', userId: 'user-liming', roles: [{ role: 'member', orgId: ids.yongshuiMobile! }] as RoleGrant[] });
const secretaryOf = (org: string, tenantId = 'yx') => ({ tenantId, userId: `sec-${org}`, roles: [{ role: 'secretary', orgId: ids[org]! }] as RoleGrant[] });
const department = (tenantId = 'yx') => ({ tenantId, userId: 'dep', roles: [{ role: 'department' }] as RoleGrant[] });

describe('members.me', () => {
  it('a member sees their own profile: name, branch, township, destination', async () => {
    const result = await h.query('/api/roster/trpc/members.me', { as: member() });
    expect(result.data).toMatchObject({ name: '李明', branch: '涌水村流动党员党支部', township: '马田镇', destinationCity: '深圳', status: 'mobile' });
  });

  it('a department user without the member role is FORBIDDEN', async () => {
    expect((await h.query('/api/roster/trpc/members.me', { as: department() })).error?.code).toBe('FORBIDDEN');
  });

  it('an anonymous caller is UNAUTHORIZED', async () => {
    expect((await h.query('/api/roster/trpc/members.me')).error?.code).toBe('UNAUTHORIZED');
  });
});

describe('members.list', () => {
  const names = (result: { data: { items: { name: string }[] } }) => result.data.items.map((m) => m.name).sort();

  it("a branch secretary sees their branch's members and not another branch's", async () => {
    const result = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('yongshuiMobile'), input: {} });
    expect(names(result)).toEqual(['李华', '李明']);
    expect(result.data.total).toBe(2);
  });

  it('a township secretary sees the whole township subtree, paged', async () => {
    const first = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('matian'), input: { page: 1, pageSize: 3 } });
    const second = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('matian'), input: { page: 2, pageSize: 3 } });
    expect(first.data.total).toBe(4);
    expect(first.data.items).toHaveLength(3);
    expect(second.data.items).toHaveLength(1);
    expect([...names(first), ...names(second)].sort()).toEqual(['曹德胜', '曹春生', '李华', '李明'].sort());
  });

  it('asking for an org outside the subtree is FORBIDDEN', async () => {
    const result = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('yongshui'), input: { orgId: ids.longtan } });
    expect(result.error?.code).toBe('FORBIDDEN');
  });

  it('a secretary of another county sees none of this county', async () => {
    // Same org id, other tenant: RLS shows nothing.
    const result = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('matian', 'rc'), input: {} });
    expect(result.data.total).toBe(0);
  });

  it('a member is FORBIDDEN', async () => {
    expect((await h.query('/api/roster/trpc/members.list', { as: member(), input: {} })).error?.code).toBe('FORBIDDEN');
  });

  it('a page size over 100 is BAD_REQUEST naming pageSize', async () => {
    const result = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('matian'), input: { pageSize: 1000 } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { pageSize: expect.any(String) } });
  });
});

describe('members.create', () => {
  const input = () => ({ branchId: ids.yongshui!, name: '曹小兵', phone: '13912345678', idempotencyKey: 'create-曹小兵-0001' });
  const count = async (table: string) => (await h.database.owner.execute(sql.raw(`select count(*)::int as n from roster.${table}`))).rows[0]!.n as number;

  it('a secretary adds a member in their subtree once, however often the request is retried, with one event', async () => {
    const membersBefore = await count('members');
    const eventsBefore = await count('outbox');
    const first = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('matian'), input: input() });
    const retry = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('matian'), input: input() });
    expect(first.data).toMatchObject({ created: true });
    expect(retry.data).toEqual({ id: first.data.id, created: false });
    expect(await count('members')).toBe(membersBefore + 1);
    expect(await count('outbox')).toBe(eventsBefore + 1);
  });

  it('a secretary cannot add a member to a branch outside their subtree', async () => {
    const result = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('huangcao'), input: { ...input(), idempotencyKey: 'other-key-0002' } });
    expect(result.error?.code).toBe('FORBIDDEN');
  });

  it('a member cannot be added to a township committee: BAD_REQUEST naming branchId', async () => {
    const result = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('matian'), input: { ...input(), branchId: ids.matian, idempotencyKey: 'township-0004' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { branchId: expect.stringMatching(/branch, not to a committee/) } });
  });

  it('a member is FORBIDDEN', async () => {
    expect((await h.mutate('/api/roster/trpc/members.create', { as: member(), input: input() })).error?.code).toBe('FORBIDDEN');
  });

  it('a malformed phone number is BAD_REQUEST naming phone and adds nobody', async () => {
    const before = await count('members');
    const result = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('matian'), input: { ...input(), phone: '12345', idempotencyKey: 'bad-phone-0003' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { phone: expect.stringMatching(/11 digits/) } });
    expect(await count('members')).toBe(before);
  });
});

describe('orgs.counts', () => {
  it("a department sees its tenant's counts", async () => {
    const result = await h.query('/api/roster/trpc/orgs.counts', { as: department() });
    expect(result.data).toMatchObject({ mobileMembers: 2, branches: 3, flowOrgs: 2 });
    expect(result.data.members).toBeGreaterThanOrEqual(5);
  });

  it("another county's department sees only its own", async () => {
    const result = await h.query('/api/roster/trpc/orgs.counts', { as: department('rc') });
    expect(result.data).toEqual({ members: 1, mobileMembers: 0, branches: 1, flowOrgs: 0 });
  });

  it('a secretary is FORBIDDEN', async () => {
    expect((await h.query('/api/roster/trpc/orgs.counts', { as: secretaryOf('matian') })).error?.code).toBe('FORBIDDEN');
  });
});
