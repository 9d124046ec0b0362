import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { developmentChannel, readMessageLog } from '@tongxin/sms/development';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { PASSWORD, seedIdentity } from '../testing/identity-fixture.ts';

let h: ServiceHarness;
let logFile: string;
const operator = { tenantId: 'platform', userId: '00000000-0000-4000-8000-0000000000aa', roles: [{ role: 'operator' as const }] };
const department = { tenantId: 'yx', userId: '00000000-0000-4000-8000-0000000000bb', roles: [{ role: 'department' as const }] };

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  await seedIdentity(h.database);
  logFile = join(await mkdtemp(join(tmpdir(), 'tx-ops-')), 'messages.log');
  h.deps.messages = { masterKey: Buffer.alloc(32, 7).toString('base64'), development: developmentChannel(logFile) };
});
afterAll(() => h.close());

const create = (input: object, as: object = operator) => h.mutate('/api/identity/trpc/operator.tenants.create', { as: as as typeof operator, input });

describe('the operator manages tenants', () => {
  it('creates a city and a county under it, and roster hears of the county', async () => {
    expect((await create({ kind: 'city', id: '431100', name: '永州市' })).status).toBe(200);
    expect((await create({ kind: 'city', id: '431100', name: '永州市二' })).error?.message).toBe('Division code already used');
    const county = await create({ kind: 'county', id: '431122', name: '东安县', cityId: '431100' });
    expect(county.error).toBeNull();
    const list = await h.query('/api/identity/trpc/operator.tenants.list', { as: operator });
    expect(list.data).toEqual(expect.arrayContaining([expect.objectContaining({ id: '431122', name: '东安县', kind: 'county', cityId: '431100', suspendedAt: null, liveAt: null })]));
    const events = await h.database.owner.execute(sql`select payload from identity.outbox where topic = 'identity.tenant_created'`);
    expect(events.rows.map((r) => r.payload)).toContainEqual({ tenantId: '431122', name: '东安县', kind: 'county', cityId: '431100' });
  });

  it('checks division codes: six digits, a real province, a county under its own city, no duplicates', async () => {
    const field = async (input: object) => (await create(input)).error?.fields;
    expect(await field({ kind: 'city', id: '4310', name: '某市' })).toHaveProperty('id');
    expect(await field({ kind: 'city', id: '991000', name: '某市' })).toEqual({ id: 'no_such_province' });
    expect(await field({ kind: 'city', id: '431023', name: '某市' })).toEqual({ id: 'city_code_format' });
    expect(await field({ kind: 'county', id: '440103', name: '某县', cityId: '431100' })).toEqual({ id: 'county_outside_city' });
    expect(await field({ kind: 'county', id: '431124', name: '某县' })).toEqual({ cityId: 'required' });
    const dup = await create({ kind: 'county', id: '431122', name: '又一个', cityId: '431100' });
    expect(dup.error?.code).toBe('CONFLICT');
  });

  it('renames, suspends and resumes; a suspended county cannot log in and its sessions mint no token', async () => {
    expect((await h.mutate('/api/identity/trpc/operator.tenants.rename', { as: operator, input: { id: '431122', name: '东安县（新）' } })).status).toBe(200);
    const before = await h.mutate('/api/identity/trpc/auth.login', { input: { tenantId: 'yx', username: '13800000001', password: PASSWORD } });
    expect(before.status).toBe(200);
    const session = before.setCookies.find((c) => c.startsWith('tx_session='))!.split(';')[0]!.slice('tx_session='.length);

    await h.database.owner.execute(sql`update identity.tenants set kind = 'county' where id = 'yx'`);
    await h.database.owner.execute(sql`insert into identity.tenants (id, name, kind, city_id) values ('431199', '测试县', 'county', '431100') on conflict do nothing`);
    // yx is not a 6-digit id in the fixture; suspend a real one the same way the API does.
    await h.database.owner.execute(sql`update identity.tenants set suspended_at = now() where id = 'yx'`);
    const refused = await h.mutate('/api/identity/trpc/auth.login', { input: { tenantId: 'yx', username: '13800000001', password: PASSWORD } });
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', message: 'This county is suspended' });
    const refresh = await h.mutate('/api/identity/trpc/auth.refresh', { cookies: { tx_session: session } });
    expect(refresh.error?.code).toBe('UNAUTHORIZED');
    // Still listed, marked: its people learn why they cannot log in.
    const tenants = await h.query('/api/identity/trpc/auth.tenants');
    expect(tenants.data).toContainEqual({ id: 'yx', name: '永兴县', suspended: true });
    await h.database.owner.execute(sql`update identity.tenants set suspended_at = null where id = 'yx'`);

    expect((await h.mutate('/api/identity/trpc/operator.tenants.suspend', { as: operator, input: { id: '431199' } })).status).toBe(200);
    let row = await h.database.owner.execute(sql`select suspended_at from identity.tenants where id = '431199'`);
    expect(row.rows[0]!.suspended_at).not.toBeNull();
    expect((await h.mutate('/api/identity/trpc/operator.tenants.resume', { as: operator, input: { id: '431199' } })).status).toBe(200);
    row = await h.database.owner.execute(sql`select suspended_at from identity.tenants where id = '431199'`);
    expect(row.rows[0]!.suspended_at).toBeNull();
    const audited = await h.database.owner.execute(sql`select kind::text from identity.audit_events where tenant_id = 'platform' order by at`);
    expect(audited.rows.map((r) => r.kind)).toEqual(expect.arrayContaining(['tenant_created', 'tenant_renamed', 'tenant_suspended', 'tenant_resumed']));
  });

  it('only an operator of the platform may: a department, or an operator role claimed in a county, is FORBIDDEN', async () => {
    expect((await create({ kind: 'city', id: '431200', name: '怀化市' }, department)).error?.code).toBe('FORBIDDEN');
    expect((await create({ kind: 'city', id: '431200', name: '怀化市' }, { ...operator, tenantId: 'yx' })).error?.code).toBe('FORBIDDEN');
    expect((await h.query('/api/identity/trpc/operator.tenants.list', { as: department })).error?.code).toBe('FORBIDDEN');
    expect((await h.query('/api/identity/trpc/operator.tenants.list')).error?.code).toBe('UNAUTHORIZED');
  });

  it('an operator reads no people: its transaction sees no user of any county', async () => {
    const seen = await h.database.owner.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'tongxin_app', true), set_config('app.tenant_id', 'platform', true), set_config('app.operator', 'on', true)`);
      const users = await tx.execute(sql`select count(*)::int as n from identity.users where tenant_id <> 'platform'`);
      const people = await tx.execute(sql`select count(*)::int as n from identity.people`);
      return [users.rows[0]!.n, people.rows[0]!.n];
    });
    expect(seen).toEqual([0, 0]);
  });
});

describe('inviting a county administrator', () => {
  const invite = (input: object, as: object = operator) => h.mutate('/api/identity/trpc/operator.invitations.create', { as: as as typeof operator, input });

  it('a single-use link, stored as a hash, sent through the channel, that opens a department account', async () => {
    const issued = await invite({ tenantId: '431122', name: '欧阳华', phone: '13700000011' });
    expect(issued.error).toBeNull();
    const token = new URL(issued.data.link, 'http://x').searchParams.get('token')!;
    const stored = await h.database.owner.execute(sql`select token_hash from identity.invitations where id = ${issued.data.id}`);
    expect(stored.rows[0]!.token_hash).not.toContain(token);
    expect((await readMessageLog(logFile, { phone: '13700000011', kind: 'invitation' }))?.text).toContain(token);

    // The county's own department sees the administrator the operator invited.
    const countyDepartment = { tenantId: '431122', userId: '00000000-0000-4000-8000-0000000000dd', roles: [{ role: 'department' as const }] };
    const seen = await h.query('/api/identity/trpc/staff.list', { as: countyDepartment });
    expect(seen.data).toEqual([expect.objectContaining({ purpose: 'department', name: '欧阳华', phoneMasked: '137****0011', status: 'pending' })]);
    const check = await h.query('/api/identity/trpc/invitations.check', { input: { tenantId: '431122', token } });
    expect(check.data).toMatchObject({ tenantName: '东安县（新）', name: '欧阳华', phoneMasked: '137****0011', roles: [{ role: 'department' }] });
    const weak = await h.mutate('/api/identity/trpc/invitations.accept', { input: { tenantId: '431122', token, password: 'short' } });
    expect(weak.error?.fields).toHaveProperty('password');
    const accepted = await h.mutate('/api/identity/trpc/invitations.accept', { input: { tenantId: '431122', token, password: 'county-admin-2026' } });
    expect(accepted.data).toMatchObject({ tenantId: '431122', roles: [{ role: 'department' }], user: { name: '欧阳华' } });
    const again = await h.mutate('/api/identity/trpc/invitations.accept', { input: { tenantId: '431122', token, password: 'county-admin-2026' } });
    expect(again.error).toMatchObject({ code: 'NOT_FOUND', message: 'This link is no longer valid' });
    const login = await h.mutate('/api/identity/trpc/auth.login', { input: { tenantId: '431122', username: '13700000011', password: 'county-admin-2026' } });
    expect(login.status).toBe(200);
  });

  it('a revoked, an expired or another county\'s link is refused the same way; reissue gives a new one', async () => {
    const first = await invite({ tenantId: '431122', name: '李四', phone: '13700000012' });
    const token = new URL(first.data.link, 'http://x').searchParams.get('token')!;
    expect((await h.query('/api/identity/trpc/invitations.check', { input: { tenantId: 'yx', token } })).error?.code).toBe('NOT_FOUND');
    h.clock.now = new Date(h.clock.now.getTime() + 61_000);
    const reissued = await h.mutate('/api/identity/trpc/operator.invitations.reissue', { as: operator, input: { id: first.data.id } });
    expect(reissued.error).toBeNull();
    expect((await h.query('/api/identity/trpc/invitations.check', { input: { tenantId: '431122', token } })).error?.message).toBe('This link is no longer valid');
    const token2 = new URL(reissued.data.link, 'http://x').searchParams.get('token')!;
    expect((await h.query('/api/identity/trpc/invitations.check', { input: { tenantId: '431122', token: token2 } })).status).toBe(200);
    h.clock.now = new Date(h.clock.now.getTime() + 72 * 3600_000 + 1000);
    expect((await h.query('/api/identity/trpc/invitations.check', { input: { tenantId: '431122', token: token2 } })).error?.code).toBe('NOT_FOUND');
    const list = await h.query('/api/identity/trpc/operator.invitations.list', { as: operator, input: { tenantId: '431122' } });
    expect(list.data.map((i: { status: string }) => i.status).sort()).toEqual(['expired', 'revoked', 'used']);
    expect(JSON.stringify(list.data)).not.toMatch(/token|hash/i);
  });

  it('a department cannot invite through the operator procedures', async () => {
    expect((await invite({ tenantId: '431122', name: 'x', phone: '13700000013' }, department)).error?.code).toBe('FORBIDDEN');
  });
});
