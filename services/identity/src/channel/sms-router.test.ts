import { generateMasterKey, decryptSecret } from '@tongxin/sms';
import { createServiceApp, router } from '@tongxin/trpc';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { seedIdentity } from '../testing/identity-fixture.ts';
import { smsRouter } from './sms-router.ts';

// The router on its own service app, as identity's router will compose it.
const app = createServiceApp('identity', router({ sms: smsRouter }));

let h: ServiceHarness;
let ids: Awaited<ReturnType<typeof seedIdentity>>;
const masterKey = generateMasterKey();

const BRANCH = '00000000-0000-4000-8000-000000000001';
const department = () => ({ userId: ids.departmentId, tenantId: 'rc', roles: [{ role: 'department' as const }] });
const secretary = { userId: '00000000-0000-4000-8000-0000000000aa', tenantId: 'rc', roles: [{ role: 'secretary' as const, orgId: BRANCH }] };

const SETTINGS = {
  sdkAppId: '1400006666',
  signName: '汝城县委组织部',
  region: 'ap-guangzhou',
  templates: { activation: '2001001', reset: '2001002', invitation: '2001003' },
  secretId: 'AKIDrucheng0000000000000000000000001',
};
const SECRET_KEY = 'ruchengSecretKey0000000000000001';

async function storedSecret(tenantId: string): Promise<string | undefined> {
  const result = await h.database.owner.execute(sql`select secret_key_encrypted from identity.sms_settings where tenant_id = ${tenantId}`);
  return result.rows[0]?.secret_key_encrypted as string | undefined;
}

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ids = await seedIdentity(h.database);
  h.deps.messages = { masterKey, development: { send: async () => ({ provider: 'development', status: 'sent' }) } };
});
afterAll(() => h.close());

describe('a county’s SMS provider', () => {
  it('a county without one uses the development channel (no settings)', async () => {
    const result = await h.query('/api/identity/trpc/sms.get', { as: department() });
    expect(result.status).toBe(200);
    expect(result.data).toBeNull();
  });

  it('a first save needs the secret key', async () => {
    const result = await h.mutate('/api/identity/trpc/sms.save', { as: department(), input: SETTINGS });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { secretKey: 'required' } });
  });

  it('the department saves its Tencent account; the key is kept sealed and never comes back', async () => {
    const saved = await h.mutate('/api/identity/trpc/sms.save', { as: department(), input: { ...SETTINGS, secretKey: SECRET_KEY } });
    expect(saved.status).toBe(200);
    const read = await h.query('/api/identity/trpc/sms.get', { as: department() });
    expect(read.data).toMatchObject({ provider: 'tencent', ...SETTINGS, hasSecretKey: true });
    for (const answer of [saved, read]) expect(JSON.stringify(answer.data)).not.toContain(SECRET_KEY);
    expect(read.data).not.toHaveProperty('secretKey');
    expect(read.data).not.toHaveProperty('secretKeyEncrypted');

    const sealed = (await storedSecret('rc'))!;
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain(SECRET_KEY);
    expect(await decryptSecret(sealed, masterKey)).toBe(SECRET_KEY);
    const audited = await h.database.owner.execute(sql`select detail from identity.audit_events where kind = 'sms_settings_changed' and tenant_id = 'rc'`);
    expect(audited.rows.at(-1)!.detail).toEqual({ provider: 'tencent', sdkAppId: '1400006666', secretKeyChanged: true });
    expect(JSON.stringify(audited.rows)).not.toContain(SECRET_KEY);
  });

  it('saving without a new secret key keeps the old one; a new one replaces it', async () => {
    const before = await storedSecret('rc');
    const renamed = await h.mutate('/api/identity/trpc/sms.save', { as: department(), input: { ...SETTINGS, signName: '汝城县委组织部办公室' } });
    expect(renamed.data).toMatchObject({ signName: '汝城县委组织部办公室', hasSecretKey: true });
    expect(await storedSecret('rc')).toBe(before);

    await h.mutate('/api/identity/trpc/sms.save', { as: department(), input: { ...SETTINGS, secretKey: 'ruchengSecretKey0000000000000002' } });
    expect(await decryptSecret((await storedSecret('rc'))!, masterKey)).toBe('ruchengSecretKey0000000000000002');
  });

  it('names the field of a bad value', async () => {
    const result = await h.mutate('/api/identity/trpc/sms.save', {
      as: department(), input: { ...SETTINGS, sdkAppId: 'app-1', templates: { ...SETTINGS.templates, reset: '' } },
    });
    expect(result.error?.code).toBe('BAD_REQUEST');
    expect(Object.keys(result.error!.fields!).sort()).toEqual(['sdkAppId', 'templates.reset']);
  });

  it('another county’s department sees nothing of these settings', async () => {
    const other = await h.query('/api/identity/trpc/sms.get', { as: { userId: ids.memberId, tenantId: 'yx', roles: [{ role: 'department' }] } });
    expect(other.data).toBeNull();
  });

  it('a secretary cannot save, read or list them', async () => {
    const save = await h.mutate('/api/identity/trpc/sms.save', { as: secretary, input: { ...SETTINGS, secretKey: 'secretaryWasHere000000000000000' } });
    expect(save.error?.code).toBe('FORBIDDEN');
    expect((await h.query('/api/identity/trpc/sms.get', { as: secretary })).error?.code).toBe('FORBIDDEN');
    expect((await h.query('/api/identity/trpc/sms.deliveries', { as: secretary })).error?.code).toBe('FORBIDDEN');
    expect(await decryptSecret((await storedSecret('rc'))!, masterKey)).toBe('ruchengSecretKey0000000000000002');
  });

  it('a host without a master key refuses to store a key rather than keep it in clear', async () => {
    const messages = h.deps.messages;
    delete h.deps.messages;
    try {
      const result = await h.mutate('/api/identity/trpc/sms.save', { as: department(), input: { ...SETTINGS, secretKey: SECRET_KEY } });
      expect(result.error?.code).toBe('PRECONDITION_FAILED');
    } finally {
      h.deps.messages = messages;
    }
  });
});

describe('the delivery list', () => {
  it('shows the county’s last deliveries, newest first, with phones masked', async () => {
    const at = (minutes: number) => new Date(h.clock.now.getTime() + minutes * 60_000).toISOString();
    await h.database.owner.execute(sql`insert into identity.message_deliveries (tenant_id, kind, phone, provider, status, provider_message_id, error_code, at) values
      ('rc', 'activation', '13800000001', 'tencent', 'sent', '2433:1', null, ${at(1)}::timestamptz),
      ('rc', 'reset', '13800000002', 'tencent', 'failed', null, 'LimitExceeded.PhoneNumberDailyLimit', ${at(2)}::timestamptz),
      ('rc', 'reset', '13800000002', 'tencent', 'refused_rate_limit', null, null, ${at(3)}::timestamptz),
      ('yx', 'activation', '13700000009', 'development', 'sent', null, null, ${at(4)}::timestamptz)`);

    const result = await h.query('/api/identity/trpc/sms.deliveries', { as: department() });
    expect(result.data.map((d: { phoneMasked: string; status: string; errorCode: string | null }) => [d.phoneMasked, d.status, d.errorCode])).toEqual([
      ['138****0002', 'refused_rate_limit', null],
      ['138****0002', 'failed', 'LimitExceeded.PhoneNumberDailyLimit'],
      ['138****0001', 'sent', null],
    ]);
    expect(JSON.stringify(result.data)).not.toMatch(/1380000000\d/);
  });
});
