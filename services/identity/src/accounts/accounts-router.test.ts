import type { RoleGrant } from '@tongxin/auth';
import { tenantTransaction } from '@tongxin/db';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashCode } from '../codes/single-use-code.ts';
import { migrations } from '../migrations.ts';
import { activationCodes } from '../schema.ts';
import { seedIdentity } from '../testing/identity-fixture.ts';
import { addPerson, addUser, onboardingApp, pathOf, recordingChannel, RC, seedTree, YX } from '../testing/onboarding-fixture.ts';
import { accountsRouter } from './accounts-router.ts';
import { activationRouter } from './activation-router.ts';

let h: ServiceHarness;
const channel = recordingChannel();
const staff = { department: '', secretaryA: '', rcDepartment: '' };
const m = { zhang: '', li: '', wang: '', zhao: '', transferred: '', chen: '', liu: '' };

beforeAll(async () => {
  h = await createServiceHarness(onboardingApp({ accounts: accountsRouter, activation: activationRouter }), [migrations]);
  h.deps.messages = channel.messages;
  await seedIdentity(h.database);
  await seedTree(h.database);
  staff.department = await addUser(h.database, 'yx', '13900000010', '组织部干部', [{ role: 'department' }]);
  staff.secretaryA = await addUser(h.database, 'yx', '13900000011', '太和镇书记', [{ role: 'secretary', orgId: YX.townA }]);
  staff.rcDepartment = await addUser(h.database, 'rc', '13900000012', '汝城组织部', [{ role: 'department' }]);
  const db = h.database;
  m.zhang = await addPerson(db, 'yx', { name: '张三', branchId: YX.branchA1, phone: '13700000001', idCardNumber: '431023198503011234' });
  m.li = await addPerson(db, 'yx', { name: '李四', branchId: YX.branchA1, phone: '13700000002' });
  m.wang = await addPerson(db, 'yx', { name: '王五', branchId: YX.branchA1, phone: null });
  m.zhao = await addPerson(db, 'yx', { name: '赵六', branchId: YX.branchA1, phone: '13700000004', userId: staff.secretaryA });
  m.transferred = await addPerson(db, 'yx', { name: '钱七', branchId: YX.branchA1, phone: '13700000005', status: 'transferred_out' });
  m.chen = await addPerson(db, 'yx', { name: '陈八', branchId: YX.branchB1, phone: '13700000006' });
  m.liu = await addPerson(db, 'rc', { name: '刘九', branchId: RC.branch, phone: '13700000007' });
});
afterAll(() => h.close());
beforeEach(() => {
  // A fresh hour each test: the channel's per-phone limit (one a minute, five an hour) starts over.
  h.clock.now = new Date(h.clock.now.getTime() + 2 * 3600_000);
});

const as = {
  department: () => ({ userId: staff.department, tenantId: 'yx', roles: [{ role: 'department' }] as RoleGrant[] }),
  secretaryA: () => ({ userId: staff.secretaryA, tenantId: 'yx', roles: [{ role: 'secretary', orgId: YX.townA }, { role: 'member', orgId: YX.branchA1 }] as RoleGrant[] }),
  member: () => ({ userId: staff.secretaryA, tenantId: 'yx', roles: [{ role: 'member', orgId: YX.branchA1 }] as RoleGrant[] }),
  rcDepartment: () => ({ userId: staff.rcDepartment, tenantId: 'rc', roles: [{ role: 'department' }] as RoleGrant[] }),
};
const issue = (who: ReturnType<(typeof as)['department']>, input: object) =>
  h.mutate('/api/identity/trpc/accounts.issue', { as: who, input: { idempotencyKey: crypto.randomUUID(), ...input } });
const count = async (query: ReturnType<typeof sql>) => (await h.database.owner.execute(query)).rows[0]!.n as number;

describe('accounts.branches and accounts.members', () => {
  it('the department sees every branch of its county with who has activated', async () => {
    const result = await h.query('/api/identity/trpc/accounts.branches', { as: as.department() });
    expect(result.status).toBe(200);
    const a1 = result.data.find((b: { branchId: string }) => b.branchId === YX.branchA1);
    expect(a1).toMatchObject({ branchName: '太和村党支部', orgPath: pathOf(YX.branchA1), members: 4, activated: 1, withoutPhone: 1 });
    expect(result.data.map((b: { branchId: string }) => b.branchId)).toContain(YX.branchB1);
  });

  it("a township secretary sees only their subtree's branches", async () => {
    const result = await h.query('/api/identity/trpc/accounts.branches', { as: as.secretaryA() });
    expect(result.data.map((b: { branchId: string }) => b.branchId)).toEqual([YX.branchA1]);
  });

  it('a member or an anonymous caller may not list accounts', async () => {
    expect((await h.query('/api/identity/trpc/accounts.branches', { as: as.member() })).error?.code).toBe('FORBIDDEN');
    expect((await h.query('/api/identity/trpc/accounts.branches')).error?.code).toBe('UNAUTHORIZED');
    expect((await h.query('/api/identity/trpc/accounts.members', { as: as.member(), input: { branchId: YX.branchA1 } })).error?.code).toBe('FORBIDDEN');
  });

  it("lists a branch's members with masked phones and their state, never a transferred member", async () => {
    const result = await h.query('/api/identity/trpc/accounts.members', { as: as.secretaryA(), input: { branchId: YX.branchA1 } });
    const byName = Object.fromEntries(result.data.map((row: { name: string }) => [row.name, row]));
    expect(Object.keys(byName).sort()).toEqual(['张三', '李四', '王五', '赵六'].sort());
    expect(byName['赵六']).toMatchObject({ state: 'active', phoneMasked: '137****0004' });
    expect(byName['王五']).toMatchObject({ state: 'no_phone', phoneMasked: null });
    expect(JSON.stringify(result.data)).not.toContain('13700000001');
  });

  it("a secretary asking for another township's branch finds no such branch (NOT_FOUND, as outside scope everywhere)", async () => {
    const result = await h.query('/api/identity/trpc/accounts.members', { as: as.secretaryA(), input: { branchId: YX.branchB1 } });
    expect(result.error?.code).toBe('NOT_FOUND');
  });
});

describe('accounts.issue', () => {
  it('issues a code to each member of a branch who can activate, skips the others with the reason, and sends each code', async () => {
    const sentBefore = channel.sent.length;
    const auditBefore = await count(sql`select count(*)::int as n from identity.audit_events where kind = 'activation_issued'`);
    const result = await issue(as.secretaryA(), { branchId: YX.branchA1 });
    expect(result.status).toBe(200);
    expect(result.data.replayed).toBe(false);
    expect(result.data.issued.map((i: { name: string }) => i.name).sort()).toEqual(['张三', '李四'].sort());
    expect(result.data.skipped).toEqual(
      expect.arrayContaining([
        { memberId: m.wang, name: '王五', reason: 'no_phone' },
        { memberId: m.zhao, name: '赵六', reason: 'active' },
      ]),
    );
    expect(result.data.skipped).toHaveLength(2);
    const zhang = result.data.issued.find((i: { memberId: string }) => i.memberId === m.zhang);
    expect(zhang.code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(zhang.link).toBe(`/activate?t=yx&code=${zhang.code}`);
    expect(zhang.branchName).toBe('太和村党支部');
    expect(new Date(zhang.expiresAt).getTime() - h.clock.now.getTime()).toBe(14 * 24 * 3600_000);
    expect(zhang.delivery).toBe('sent');

    const messages = channel.sent.slice(sentBefore);
    expect(messages).toContainEqual({ tenantId: 'yx', phone: '13700000001', kind: 'activation', params: { code: zhang.code, link: zhang.link, days: '14' } });
    expect(messages).toHaveLength(2);
    expect(await count(sql`select count(*)::int as n from identity.audit_events where kind = 'activation_issued' and actor_user_id = ${staff.secretaryA} and org_id = ${YX.branchA1}`)).toBe(auditBefore + 2);
  });

  it('stores only the SHA-256 of a code', async () => {
    const result = await issue(as.department(), { memberIds: [m.chen] });
    const code = result.data.issued[0].code as string;
    const stored = await h.database.owner.execute(sql`select code_hash from identity.activation_codes where member_id = ${m.chen}`);
    const hashes = stored.rows.map((r) => r.code_hash);
    expect(hashes).toContain(hashCode(code));
    expect(JSON.stringify(stored.rows)).not.toContain(code.replace('-', ''));
  });

  it("a new code revokes the member's earlier one", async () => {
    const first = (await issue(as.department(), { memberIds: [m.li] })).data.issued[0].code;
    h.clock.now = new Date(h.clock.now.getTime() + 2 * 60_000);
    const second = (await issue(as.department(), { memberIds: [m.li] })).data.issued[0].code;
    const check = (code: string) => h.query('/api/identity/trpc/activation.check', { input: { tenantId: 'yx', code } });
    expect((await check(first)).error).toMatchObject({ code: 'NOT_FOUND', message: 'This link is no longer valid' });
    expect((await check(second)).data).toEqual({ tenantName: '永兴县' });
  });

  it('a retried issue with the same key issues and sends nothing new, and says so', async () => {
    const idempotencyKey = crypto.randomUUID();
    const first = await issue(as.department(), { branchId: YX.branchB1, idempotencyKey });
    const rowsAfterFirst = await count(sql`select count(*)::int as n from identity.activation_codes where idempotency_key = ${idempotencyKey}`);
    const sentAfterFirst = channel.sent.length;
    const retry = await issue(as.department(), { branchId: YX.branchB1, idempotencyKey });
    expect(retry.status).toBe(200);
    expect(retry.data.replayed).toBe(true);
    expect(retry.data.issued).toEqual([{ ...first.data.issued[0], code: null, link: null, delivery: null }]);
    expect(await count(sql`select count(*)::int as n from identity.activation_codes where idempotency_key = ${idempotencyKey}`)).toBe(rowsAfterFirst);
    expect(channel.sent.length).toBe(sentAfterFirst);
    // The first answer's code still works: the retry revoked nothing.
    const check = await h.query('/api/identity/trpc/activation.check', { input: { tenantId: 'yx', code: first.data.issued[0].code } });
    expect(check.status).toBe(200);
  });

  it("a secretary cannot issue outside their subtree: another township's branch or member", async () => {
    expect((await issue(as.secretaryA(), { branchId: YX.branchB1 })).error?.code).toBe('NOT_FOUND');
    expect((await issue(as.secretaryA(), { memberIds: [m.chen] })).error).toMatchObject({ code: 'NOT_FOUND', message: 'No such member' });
  });

  it("the row policies themselves keep a secretary from another subtree's codes", async () => {
    await issue(as.department(), { memberIds: [m.chen] });
    const seen = await tenantTransaction(h.database, { tenantId: 'yx', userId: staff.secretaryA, orgIds: [YX.townA] }, (tx) =>
      tx.select({ memberId: activationCodes.memberId }).from(activationCodes),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.map((r) => r.memberId)).not.toContain(m.chen);
  });

  it("another county's department cannot issue a code to this county's member", async () => {
    expect((await issue(as.rcDepartment(), { memberIds: [m.zhang] })).error?.code).toBe('NOT_FOUND');
    expect((await issue(as.rcDepartment(), { branchId: YX.branchA1 })).error?.code).toBe('NOT_FOUND');
  });

  it('a member may not issue codes', async () => {
    expect((await issue(as.member(), { memberIds: [m.zhang] })).error?.code).toBe('FORBIDDEN');
  });

  it('bad input names the field: both members and a branch, or an id that is not one', async () => {
    const both = await issue(as.department(), { memberIds: [m.zhang], branchId: YX.branchA1 });
    expect(both.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberIds: 'members_or_branch' } });
    const notAnId = await issue(as.department(), { memberIds: ['zhang'] });
    expect(Object.keys(notAnId.error!.fields!)).toEqual(['memberIds.0']);
    const noKey = await h.mutate('/api/identity/trpc/accounts.issue', { as: as.department(), input: { branchId: YX.branchA1 } });
    expect(Object.keys(noKey.error!.fields!)).toEqual(['idempotencyKey']);
  });
});

describe('accounts.revoke', () => {
  it("ends a member's pending code, audited", async () => {
    const code = (await issue(as.department(), { memberIds: [m.li] })).data.issued[0].code;
    const result = await h.mutate('/api/identity/trpc/accounts.revoke', { as: as.secretaryA(), input: { memberId: m.li } });
    expect(result.data).toEqual({ revoked: 1 });
    const check = await h.query('/api/identity/trpc/activation.check', { input: { tenantId: 'yx', code } });
    expect(check.error?.code).toBe('NOT_FOUND');
    expect(await count(sql`select count(*)::int as n from identity.audit_events where kind = 'activation_revoked' and actor_user_id = ${staff.secretaryA}`)).toBe(1);
  });

  it('a secretary cannot revoke outside their subtree, nor a member at all', async () => {
    const outside = await h.mutate('/api/identity/trpc/accounts.revoke', { as: as.secretaryA(), input: { memberId: m.chen } });
    expect(outside.error).toMatchObject({ code: 'NOT_FOUND' });
    const member = await h.mutate('/api/identity/trpc/accounts.revoke', { as: as.member(), input: { memberId: m.li } });
    expect(member.error?.code).toBe('FORBIDDEN');
  });

  it("another county cannot revoke this county's codes", async () => {
    const result = await h.mutate('/api/identity/trpc/accounts.revoke', { as: as.rcDepartment(), input: { memberId: m.zhang } });
    expect(result.error?.code).toBe('NOT_FOUND');
    expect(m.liu).toBeTruthy();
  });
});
