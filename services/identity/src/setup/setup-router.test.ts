import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { seedIdentity } from '../testing/identity-fixture.ts';
import { ensureSetupLink } from './first-operator.ts';

let h: ServiceHarness;
const department = { tenantId: 'yx', userId: '00000000-0000-4000-8000-0000000000bb', roles: [{ role: 'department' as const }] };
const secretary = { tenantId: 'yx', userId: '00000000-0000-4000-8000-0000000000cc', roles: [{ role: 'secretary' as const, orgId: '00000000-0000-4000-8000-000000000001' }] };
const BRANCH = '00000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  await seedIdentity(h.database);
});
afterAll(() => h.close());

const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

describe('the first operator', () => {
  it('a database without an operator gets one setup link, printed once; it creates the operator and then works no more', async () => {
    const link = await ensureSetupLink(h.database, h.clock.now);
    expect(link).toMatch(/^\/setup\?token=/);
    expect(await ensureSetupLink(h.database, h.clock.now)).toBeNull();
    const token = tokenOf(link!);
    expect((await h.query('/api/identity/trpc/setup.check', { input: { token } })).data).toEqual({ valid: true });
    const bad = await h.mutate('/api/identity/trpc/setup.complete', { input: { token, username: 'ops', name: '运营', password: 'short' } });
    expect(bad.error?.fields).toHaveProperty('password');
    const done = await h.mutate('/api/identity/trpc/setup.complete', { input: { token, username: 'ops', name: '运营', password: 'platform-2026-ops' } });
    expect(done.data).toMatchObject({ tenantId: 'platform', roles: [{ role: 'operator' }] });
    const again = await h.mutate('/api/identity/trpc/setup.complete', { input: { token, username: 'ops2', name: '运营', password: 'platform-2026-ops' } });
    expect(again.error).toMatchObject({ code: 'NOT_FOUND', message: 'This link is no longer valid' });
    // With an operator, no start prints a link again.
    expect(await ensureSetupLink(h.database, new Date(h.clock.now.getTime() + 48 * 3600_000))).toBeNull();
  });

  it('an expired setup link is refused', async () => {
    await h.database.owner.execute(sql`delete from identity.role_assignments where role = 'operator'`);
    const link = await ensureSetupLink(h.database, h.clock.now);
    h.clock.now = new Date(h.clock.now.getTime() + 24 * 3600_000 + 1000);
    expect((await h.query('/api/identity/trpc/setup.check', { input: { token: tokenOf(link!) } })).error?.code).toBe('NOT_FOUND');
    expect(await ensureSetupLink(h.database, h.clock.now)).toMatch(/^\/setup/);
  });
});

describe("a county's setup wizard", () => {
  const get = (as: object = department) => h.query('/api/identity/trpc/setup.get', { as: as as typeof department });

  it('is resumable: the profile and marked steps come back; the checklist says what blocks going live', async () => {
    const saved = await h.mutate('/api/identity/trpc/setup.saveProfile', { as: department, input: { contact: '周秀英', phone: '0735-5512345', address: '永兴县便江镇' } });
    expect(saved.error).toBeNull();
    await h.mutate('/api/identity/trpc/setup.markStep', { as: department, input: { step: 'orgs', done: true } });
    const state = await get();
    expect(state.data.profile).toEqual({ contact: '周秀英', phone: '0735-5512345', address: '永兴县便江镇' });
    expect(state.data.steps.sort()).toEqual(['orgs', 'profile']);
    expect(state.data.checklist.blocking).toEqual(['NO_BRANCHES', 'NO_MEMBERS', 'NO_SECRETARIES']);
    const live = await h.mutate('/api/identity/trpc/setup.goLive', { as: department, input: { acknowledgeWarnings: true } });
    expect(live.error?.code).toBe('PRECONDITION_FAILED');
  });

  it('goes live once nothing blocks and the warnings are acknowledged, and roster is told', async () => {
    await h.database.owner.execute(sql`insert into identity.orgs (tenant_id, org_id, kind, name, path) values
      ('yx', ${BRANCH}, 'branch', '一支部', ${`/r/${BRANCH}/`}), ('yx', '00000000-0000-4000-8000-000000000003', 'branch', '三支部', '/r/00000000-0000-4000-8000-000000000003/')`);
    await h.database.owner.execute(sql`insert into identity.people (tenant_id, member_id, name, phone, branch_id, org_path, status) values ('yx', gen_random_uuid(), '甲', '13500000001', ${BRANCH}, ${`/r/${BRANCH}/`}, 'mobile')`);
    await h.database.owner.execute(sql`insert into identity.appointments (tenant_id, org_id, org_path, name, title, appointed_at) values ('yx', ${BRANCH}, ${`/r/${BRANCH}/`}, '乙', 'secretary', now())`);
    const state = await get();
    expect(state.data.checklist).toMatchObject({ blocking: [], branches: 2, members: 1, membersWithoutAccount: 1, secretaries: 1 });
    expect(state.data.checklist.branchesWithoutSecretary.map((o: { name: string }) => o.name)).toEqual(['三支部']);
    expect(state.data.checklist.warnings).toEqual(['ORGS_WITHOUT_SECRETARY', 'MEMBERS_WITHOUT_ACCOUNT', 'NO_SMS_PROVIDER']);
    expect((await h.mutate('/api/identity/trpc/setup.goLive', { as: department, input: {} })).error?.code).toBe('PRECONDITION_FAILED');
    const live = await h.mutate('/api/identity/trpc/setup.goLive', { as: department, input: { acknowledgeWarnings: true } });
    expect(live.data.liveAt).toBeTruthy();
    expect((await h.database.owner.execute(sql`select count(*)::int as n from identity.outbox where topic = 'identity.tenant_live'`)).rows[0]!.n).toBe(1);
    await h.mutate('/api/identity/trpc/setup.goLive', { as: department, input: { acknowledgeWarnings: true } });
    expect((await h.database.owner.execute(sql`select count(*)::int as n from identity.outbox where topic = 'identity.tenant_live'`)).rows[0]!.n).toBe(1);
  });

  it('is the department\'s: a secretary is FORBIDDEN, and another county sees its own state only', async () => {
    expect((await get(secretary)).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate('/api/identity/trpc/setup.goLive', { as: secretary, input: { acknowledgeWarnings: true } })).error?.code).toBe('FORBIDDEN');
    const rc = await get({ ...department, tenantId: 'rc' });
    expect(rc.data.tenant.liveAt).toBeNull();
    expect(rc.data.profile).toEqual({});
  });

  it('bad input names the field and changes nothing', async () => {
    const bad = await h.mutate('/api/identity/trpc/setup.markStep', { as: department, input: { step: 'nonsense', done: true } });
    expect(bad.error?.fields).toHaveProperty('step');
  });
});
