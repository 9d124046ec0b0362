import type { RoleGrant } from '@tongxin/auth';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashCode } from '../codes/single-use-code.ts';
import { invitationsRouter } from '../invitations/invitations-router.ts';
import { migrations } from '../migrations.ts';
import { seedIdentity } from '../testing/identity-fixture.ts';
import { addUser, onboardingApp, recordingChannel, seedTree, YX } from '../testing/onboarding-fixture.ts';
import { staffRouter } from './staff-router.ts';

let h: ServiceHarness;
const channel = recordingChannel();
const u = { department: '', secretaryA: '', rcDepartment: '' };

beforeAll(async () => {
  h = await createServiceHarness(onboardingApp({ staff: staffRouter, invitations: invitationsRouter }), [migrations]);
  h.deps.messages = channel.messages;
  await seedIdentity(h.database);
  await seedTree(h.database);
  u.department = await addUser(h.database, 'yx', '13900000010', '组织部干部', [{ role: 'department' }]);
  u.secretaryA = await addUser(h.database, 'yx', '13900000011', '太和镇书记', [{ role: 'secretary', orgId: YX.townA }]);
  u.rcDepartment = await addUser(h.database, 'rc', '13900000012', '汝城组织部', [{ role: 'department' }]);
});
afterAll(() => h.close());
beforeEach(() => {
  h.clock.now = new Date(h.clock.now.getTime() + 2 * 3600_000);
});

type Who = { userId: string; tenantId: string; roles: RoleGrant[] };
const as = {
  department: (): Who => ({ userId: u.department, tenantId: 'yx', roles: [{ role: 'department' }] }),
  secretaryA: (): Who => ({ userId: u.secretaryA, tenantId: 'yx', roles: [{ role: 'secretary', orgId: YX.townA }] }),
  member: (): Who => ({ userId: u.secretaryA, tenantId: 'yx', roles: [{ role: 'member', orgId: YX.branchA1 }] }),
  rcDepartment: (): Who => ({ userId: u.rcDepartment, tenantId: 'rc', roles: [{ role: 'department' }] }),
};
let phones = 0;
const freshPhone = () => `1580000${String(++phones).padStart(4, '0')}`;
const invite = (who: Who, grant: object, phone = freshPhone()) => h.mutate('/api/identity/trpc/staff.invite', { as: who, input: { name: '周干事', phone, grant } });
const list = (who: Who) => h.query('/api/identity/trpc/staff.list', { as: who });
const revoke = (who: Who, id: string) => h.mutate('/api/identity/trpc/staff.revoke', { as: who, input: { id } });
const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

describe('staff.invite', () => {
  it('the department invites a colleague: the link once, only its hash stored, sent through the channel', async () => {
    const phone = freshPhone();
    const result = await invite(as.department(), { role: 'department' }, phone);
    expect(result.status).toBe(200);
    expect(result.data.link).toMatch(/^\/invite\?t=yx&token=[a-z2-7]{32}$/);
    expect(new Date(result.data.expiresAt).getTime() - h.clock.now.getTime()).toBe(72 * 3600_000);
    const token = tokenOf(result.data.link);
    const stored = (await h.database.owner.execute(sql`select token_hash, purpose, grants, issued_by_user_id from identity.invitations where id = ${result.data.id}`)).rows[0]!;
    expect(stored).toEqual({ token_hash: hashCode(token), purpose: 'staff', grants: [{ role: 'department' }], issued_by_user_id: u.department });
    expect(channel.sent.at(-1)).toEqual({ tenantId: 'yx', phone, kind: 'invitation', params: { tenantName: '永兴县', link: result.data.link, hours: '72' } });
    const audited = await h.database.owner.execute(sql`select count(*)::int as n from identity.audit_events where kind = 'invitation_issued' and actor_user_id = ${u.department} and detail->>'invitationId' = ${result.data.id}`);
    expect(audited.rows[0]!.n).toBe(1);
  });

  it('accepting a seat invitation grants the secretary role and records the appointment', async () => {
    const result = await invite(as.department(), { role: 'secretary', orgId: YX.branchB1, title: 'deputy' });
    const accepted = await h.mutate('/api/identity/trpc/invitations.accept', { input: { tenantId: 'yx', token: tokenOf(result.data.link), password: 'osmanthus-road-19' } });
    expect(accepted.status).toBe(200);
    expect(accepted.data.roles).toEqual([{ role: 'secretary', orgId: YX.branchB1 }]);
    const seat = (await h.database.owner.execute(sql`select title, member_id from identity.appointments where user_id = ${accepted.data.user.id}`)).rows[0]!;
    expect(seat).toEqual({ title: 'deputy', member_id: null });
  });

  it('a township secretary invites for seats below their township and deputies of it, nothing else', async () => {
    expect((await invite(as.secretaryA(), { role: 'secretary', orgId: YX.branchA1, title: 'secretary' })).status).toBe(200);
    expect((await invite(as.secretaryA(), { role: 'secretary', orgId: YX.townA, title: 'deputy' })).status).toBe(200);
    const refusals = [
      await invite(as.secretaryA(), { role: 'department' }),
      await invite(as.secretaryA(), { role: 'secretary', orgId: YX.townA, title: 'secretary' }),
    ];
    for (const refused of refusals) expect(refused.error).toMatchObject({ code: 'FORBIDDEN', message: 'Outside your scope' });
    // Another township's branch: outside their scope, so not found, as everywhere.
    expect((await invite(as.secretaryA(), { role: 'secretary', orgId: YX.branchB1, title: 'deputy' })).error?.code).toBe('NOT_FOUND');
  });

  it('a phone that already has an account here is refused, so nobody can take it over through a link', async () => {
    const result = await invite(as.department(), { role: 'department' }, '13900000011');
    expect(result.error).toMatchObject({ code: 'CONFLICT', message: 'This phone number already has an account' });
  });

  it('a member may not invite; another county cannot invite to this county\'s orgs', async () => {
    expect((await invite(as.member(), { role: 'department' })).error?.code).toBe('FORBIDDEN');
    expect((await invite(as.rcDepartment(), { role: 'secretary', orgId: YX.branchA1, title: 'secretary' })).error?.code).toBe('NOT_FOUND');
  });

  it('bad input names the field', async () => {
    const result = await h.mutate('/api/identity/trpc/staff.invite', { as: as.department(), input: { name: '', phone: '123', grant: { role: 'secretary', orgId: YX.branchA1, title: 'boss' } } });
    expect(result.error?.code).toBe('BAD_REQUEST');
    expect(Object.keys(result.error!.fields!).sort()).toEqual(['grant.title', 'name', 'phone']);
  });

  it('no link, token or phone reaches the console', async () => {
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
    );
    const phone = freshPhone();
    let link = '';
    try {
      link = (await invite(as.department(), { role: 'department' }, phone)).data.link;
      await h.mutate('/api/identity/trpc/invitations.accept', { input: { tenantId: 'yx', token: tokenOf(link), password: 'osmanthus-road-19' } });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const output = lines.join('\n');
    for (const secret of [tokenOf(link), phone, 'osmanthus-road-19']) expect(output).not.toContain(secret);
  });
});

describe('staff.list and staff.revoke', () => {
  it('the department lists every staff invitation; a secretary only those to seats in their subtree', async () => {
    const department = await invite(as.department(), { role: 'department' });
    const inA = await invite(as.department(), { role: 'secretary', orgId: YX.branchA2, title: 'secretary' });
    const inB = await invite(as.department(), { role: 'secretary', orgId: YX.branchB1, title: 'secretary' });
    const all = (await list(as.department())).data.map((row: { id: string }) => row.id);
    expect(all).toEqual(expect.arrayContaining([department.data.id, inA.data.id, inB.data.id]));
    const mine = await list(as.secretaryA());
    const ids = mine.data.map((row: { id: string }) => row.id);
    expect(ids).toContain(inA.data.id);
    expect(ids).not.toContain(inB.data.id);
    expect(ids).not.toContain(department.data.id);
    const row = mine.data.find((r: { id: string }) => r.id === inA.data.id);
    expect(row).toMatchObject({ status: 'pending', phoneMasked: expect.stringMatching(/^158\*\*\*\*\d{4}$/) });
    expect(JSON.stringify(mine.data)).not.toContain(tokenOf(inA.data.link));
  });

  it('a secretary revokes one in their subtree, and the link no longer works', async () => {
    const inA = await invite(as.department(), { role: 'secretary', orgId: YX.branchA2, title: 'deputy' });
    expect((await revoke(as.secretaryA(), inA.data.id)).status).toBe(200);
    const check = await h.query('/api/identity/trpc/invitations.check', { input: { tenantId: 'yx', token: tokenOf(inA.data.link) } });
    expect(check.error).toMatchObject({ code: 'NOT_FOUND', message: 'This link is no longer valid' });
    expect((await list(as.department())).data.find((r: { id: string }) => r.id === inA.data.id).status).toBe('revoked');
  });

  it('a secretary cannot revoke outside their subtree; another county cannot at all; a member may not', async () => {
    const inB = await invite(as.department(), { role: 'secretary', orgId: YX.branchB1, title: 'deputy' });
    expect((await revoke(as.secretaryA(), inB.data.id)).error?.code).toBe('NOT_FOUND');
    expect((await revoke(as.rcDepartment(), inB.data.id)).error?.code).toBe('NOT_FOUND');
    expect((await revoke(as.member(), inB.data.id)).error?.code).toBe('FORBIDDEN');
    expect((await list(as.member())).error?.code).toBe('FORBIDDEN');
    expect((await list(as.rcDepartment())).data.map((r: { id: string }) => r.id)).not.toContain(inB.data.id);
  });
});
