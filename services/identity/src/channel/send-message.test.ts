import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tenantTransaction, type Scope } from '@tongxin/db';
import { encryptSecret, generateMasterKey, type OutboundSms } from '@tongxin/sms';
import { developmentChannel, readMessageLog } from '@tongxin/sms/development';
import { tencentSmsChannel } from '@tongxin/sms/tencent';
import { startTencentStandIn, type TencentStandIn } from '@tongxin/sms/testing';
import { createServiceApp, router } from '@tongxin/trpc';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { smsSettings } from '../schema.ts';
import { seedIdentity } from '../testing/identity-fixture.ts';
import { sendMessage } from './send-message.ts';

const SECRET_ID = 'AKIDrucheng0000000000000000000000001';
const SECRET_KEY = 'ruchengSecretKey0000000000000001';
const BRANCH = '00000000-0000-4000-8000-000000000001';

let h: ServiceHarness;
let standIn: TencentStandIn;
let dir: string;
let logFile: string;
const masterKey = generateMasterKey();

/** A secretary's transaction in 汝城 (rc): not tenant-wide, as when a branch's codes are issued. */
const secretaryScope: Scope = { tenantId: 'rc', userId: '00000000-0000-4000-8000-0000000000aa', orgIds: [BRANCH] };
const send = (scope: Scope, message: OutboundSms) => tenantTransaction(h.database, scope, (tx) => sendMessage(tx, h.deps, message));

async function deliveries(tenantId: string) {
  const result = await h.database.owner.execute(
    sql`select kind, phone, provider, status, provider_message_id, error_code from identity.message_deliveries where tenant_id = ${tenantId} order by at, id`,
  );
  return result.rows;
}

async function configureRucheng(secretKey: string) {
  const row = {
    sdkAppId: '1400006666', signName: '汝城县委组织部', region: 'ap-guangzhou', secretId: SECRET_ID,
    templates: { activation: '2001001', reset: '2001002', invitation: '2001003' },
    secretKeyEncrypted: await encryptSecret(secretKey, masterKey),
  };
  await h.database.owner.insert(smsSettings).values({ tenantId: 'rc', ...row }).onConflictDoUpdate({ target: smsSettings.tenantId, set: row });
}

beforeAll(async () => {
  h = await createServiceHarness(createServiceApp('identity', router({})), [migrations]);
  await seedIdentity(h.database);
  dir = await mkdtemp(join(tmpdir(), 'tongxin-send-'));
  logFile = join(dir, 'messages.log');
  standIn = await startTencentStandIn({ secretId: SECRET_ID, secretKey: SECRET_KEY, failures: { '+8613900000099': 'LimitExceeded.PhoneNumberDailyLimit' } });
  h.deps.messages = {
    masterKey,
    development: developmentChannel(logFile),
    tencent: (config) => tencentSmsChannel({ ...config, endpoint: standIn.endpoint }),
  };
  await configureRucheng(SECRET_KEY);
});
afterAll(async () => {
  await standIn.close();
  await h.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  h.clock.now = new Date(h.clock.now.getTime() + 2 * 3600_000); // past every per-phone window
});

describe('sending a message', () => {
  it('a county without its own provider sends through the development channel, and the delivery is recorded', async () => {
    const delivery = await send({ tenantId: 'yx' }, { tenantId: 'yx', phone: '13800000001', kind: 'reset', params: { code: '493027' } });

    expect(delivery).toMatchObject({ provider: 'development', status: 'sent', errorCode: null });
    expect((await readMessageLog(logFile, { phone: '13800000001', kind: 'reset' }))!.text).toContain('493027');
    expect(await deliveries('yx')).toEqual([
      { kind: 'reset', phone: '13800000001', provider: 'development', status: 'sent', provider_message_id: null, error_code: null },
    ]);
  });

  it('a county with a Tencent account sends through it with its decrypted key, also from a secretary’s transaction', async () => {
    const delivery = await send(secretaryScope, { tenantId: 'rc', phone: '13800000011', kind: 'activation', params: { code: 'ABCDE-FGHJK', link: 'http://127.0.0.1:3000/activate?t=431022&code=ABCDE-FGHJK' } });

    expect(delivery).toMatchObject({ provider: 'tencent', status: 'sent', providerMessageId: expect.stringMatching(/^2433:/) });
    expect(standIn.received.at(-1)!.request).toEqual({
      PhoneNumberSet: ['+8613800000011'], SmsSdkAppId: '1400006666', TemplateId: '2001001', SignName: '汝城县委组织部', TemplateParamSet: ['ABCDE-FGHJK', 'http://127.0.0.1:3000/activate?t=431022&code=ABCDE-FGHJK', '14'],
    });
    expect((await deliveries('rc')).at(-1)).toEqual({
      kind: 'activation', phone: '13800000011', provider: 'tencent', status: 'sent', provider_message_id: delivery.providerMessageId, error_code: null,
    });
    // Nothing about it in the development log: the county's provider got it.
    expect(await readMessageLog(logFile, { phone: '13800000011', kind: 'activation' })).toBeNull();
  });

  it('a secretary’s transaction reads the county’s settings (the key sealed) but cannot change them', async () => {
    const outcome = await tenantTransaction(h.database, secretaryScope, async (tx) => {
      await sendMessage(tx, h.deps, { tenantId: 'rc', phone: '13800000012', kind: 'activation', params: { code: 'ABCDE-FGHJK', link: 'http://127.0.0.1:3000/activate?t=431022&code=ABCDE-FGHJK' } });
      const rows = await tx.select().from(smsSettings);
      const changed = await tx.update(smsSettings).set({ signName: '冒名' }).returning({ id: smsSettings.tenantId });
      return { rows: rows.length, sealed: rows.every((r) => r.secretKeyEncrypted.startsWith('v1:')), changed: changed.length };
    });
    expect(outcome).toEqual({ rows: 1, sealed: true, changed: 0 });
  });

  it('records the operator refusing a phone as failed with its code', async () => {
    const delivery = await send(secretaryScope, { tenantId: 'rc', phone: '13900000099', kind: 'activation', params: { code: 'ABCDE-FGHJK', link: 'http://127.0.0.1:3000/activate?t=431022&code=ABCDE-FGHJK' } });
    expect(delivery).toMatchObject({ provider: 'tencent', status: 'failed', errorCode: 'LimitExceeded.PhoneNumberDailyLimit', providerMessageId: null });
  });

  it('a key the provider does not accept is recorded as failed with AuthFailure.SignatureFailure', async () => {
    await configureRucheng('notTheRightKey00000000000000000');
    try {
      const before = standIn.received.length;
      const delivery = await send(secretaryScope, { tenantId: 'rc', phone: '13800000013', kind: 'reset', params: { code: '493027' } });
      expect(delivery).toMatchObject({ provider: 'tencent', status: 'failed', errorCode: 'AuthFailure.SignatureFailure' });
      expect(standIn.received).toHaveLength(before);
      expect((await deliveries('rc')).at(-1)).toMatchObject({ phone: '13800000013', status: 'failed', error_code: 'AuthFailure.SignatureFailure' });
    } finally {
      await configureRucheng(SECRET_KEY);
    }
  });

  it('a key sealed under another master key is a failed delivery, not an error', async () => {
    const row = { secretKeyEncrypted: await encryptSecret(SECRET_KEY, generateMasterKey()) };
    await h.database.owner.update(smsSettings).set(row);
    try {
      const delivery = await send(secretaryScope, { tenantId: 'rc', phone: '13800000014', kind: 'reset', params: { code: '493027' } });
      expect(delivery).toMatchObject({ provider: 'tencent', status: 'failed', errorCode: 'SecretKeyUnreadable' });
    } finally {
      await configureRucheng(SECRET_KEY);
    }
  });
});

describe('the per-phone limit', () => {
  it('refuses a second message to a phone within a minute, records the refusal, and sends nothing', async () => {
    const message: OutboundSms = { tenantId: 'rc', phone: '13800000021', kind: 'reset', params: { code: '111111' } };
    expect((await send({ tenantId: 'rc' }, message)).status).toBe('sent');
    const before = standIn.received.length;

    h.clock.now = new Date(h.clock.now.getTime() + 30_000);
    const refused = await send({ tenantId: 'rc' }, { ...message, phone: '+8613800000021', params: { code: '222222' } });

    expect(refused).toMatchObject({ provider: 'tencent', status: 'refused_rate_limit', providerMessageId: null, errorCode: null });
    expect(standIn.received).toHaveLength(before);
    expect((await deliveries('rc')).at(-1)).toMatchObject({ phone: '+8613800000021', status: 'refused_rate_limit' });
  });

  it('allows five messages to a phone in an hour, a minute apart, and refuses the sixth', async () => {
    const statuses: string[] = [];
    for (let i = 0; i < 6; i++) {
      h.clock.now = new Date(h.clock.now.getTime() + 61_000);
      statuses.push((await send({ tenantId: 'yx' }, { tenantId: 'yx', phone: '13800000031', kind: 'reset', params: { code: `00000${i}` } })).status);
    }
    expect(statuses).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'refused_rate_limit']);
    expect((await readMessageLog(logFile, { phone: '13800000031', kind: 'reset' }))!.params.code).toBe('000004');
    // Another phone is not held back by it.
    expect((await send({ tenantId: 'yx' }, { tenantId: 'yx', phone: '13800000032', kind: 'reset', params: { code: '123456' } })).status).toBe('sent');
  });

  it('sends again once the window has passed', async () => {
    const message: OutboundSms = { tenantId: 'yx', phone: '13800000041', kind: 'reset', params: { code: '333333' } };
    expect((await send({ tenantId: 'yx' }, message)).status).toBe('sent');
    expect((await send({ tenantId: 'yx' }, message)).status).toBe('refused_rate_limit');
    h.clock.now = new Date(h.clock.now.getTime() + 61_000);
    expect((await send({ tenantId: 'yx' }, message)).status).toBe('sent');
  });
});

describe('a host without a channel', () => {
  it('records the message as failed rather than losing it silently', async () => {
    const messages = h.deps.messages;
    delete h.deps.messages;
    try {
      const delivery = await send({ tenantId: 'yx' }, { tenantId: 'yx', phone: '13800000051', kind: 'reset', params: { code: '444444' } });
      expect(delivery).toMatchObject({ provider: 'development', status: 'failed', errorCode: 'NoChannel' });
    } finally {
      h.deps.messages = messages;
    }
  });
});
