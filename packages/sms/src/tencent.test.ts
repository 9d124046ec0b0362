import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTencentStandIn, type TencentStandIn } from './testing/index.ts';
import { tencentSmsChannel, type TencentSmsConfig } from './tencent.ts';

const SECRET_ID = 'AKIDstandin0000000000000000000000000';
const SECRET_KEY = 'standinsecretkey0000000000000000';

let standIn: TencentStandIn;

/** node:http, not fetch: a replay must carry the Host header it was signed with. */
function postRaw(url: string, headers: Record<string, string>, body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(body);
  });
}
let config: TencentSmsConfig;

beforeAll(async () => {
  standIn = await startTencentStandIn({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    failures: { '+8613900000099': 'LimitExceeded.PhoneNumberDailyLimit' },
  });
  config = {
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    sdkAppId: '1400006666',
    signName: '宜章县委组织部',
    region: 'ap-guangzhou',
    templates: { activation: '2001001', reset: '2001002', invitation: '2001003' },
    endpoint: standIn.endpoint,
  };
});
afterAll(() => standIn.close());

describe('the Tencent Cloud SMS channel', () => {
  it('sends through the official SDK with a signature the API accepts, and the API receives phone, template, sign and values', async () => {
    const result = await tencentSmsChannel(config).send({
      tenantId: '431022', phone: '13800000001', kind: 'activation', params: { code: 'ABCDE-FGHJK', link: 'http://127.0.0.1:3000/activate?t=431022&code=ABCDE-FGHJK' },
    });

    expect(result).toEqual({ provider: 'tencent', status: 'sent', providerMessageId: expect.stringMatching(/^2433:\d+$/) });
    const last = standIn.received.at(-1)!;
    expect(last).toMatchObject({ action: 'SendSms', region: 'ap-guangzhou', secretId: SECRET_ID });
    expect(last.request).toEqual({
      PhoneNumberSet: ['+8613800000001'],
      SmsSdkAppId: '1400006666',
      TemplateId: '2001001',
      SignName: '宜章县委组织部',
      TemplateParamSet: ['ABCDE-FGHJK', 'http://127.0.0.1:3000/activate?t=431022&code=ABCDE-FGHJK', '14'],
    });
  });

  it('gives each kind its own template with its values in the template order', async () => {
    const channel = tencentSmsChannel(config);
    await channel.send({ tenantId: '431022', phone: '+8613800000002', kind: 'reset', params: { code: 'MNPQR-STUVW' } });
    expect(standIn.received.at(-1)!.request).toMatchObject({ TemplateId: '2001002', TemplateParamSet: ['MNPQR-STUVW', '15'] });
    await channel.send({
      tenantId: '431022', phone: '13800000003', kind: 'invitation', params: { tenantName: '宜章县', link: 'https://tongxin.example/invite?t=431022&token=x' },
    });
    expect(standIn.received.at(-1)!.request).toMatchObject({
      TemplateId: '2001003', TemplateParamSet: ['宜章县', 'https://tongxin.example/invite?t=431022&token=x', '72'],
    });
  });

  it('is refused with AuthFailure.SignatureFailure when signed with a wrong secret key, and nothing is sent', async () => {
    const before = standIn.received.length;
    const result = await tencentSmsChannel({ ...config, secretKey: 'not-the-secret-key' }).send({
      tenantId: '431022', phone: '13800000001', kind: 'reset', params: { code: 'ABCDE-FGHJK' },
    });

    expect(result).toEqual({ provider: 'tencent', status: 'failed', errorCode: 'AuthFailure.SignatureFailure' });
    expect(standIn.received).toHaveLength(before);
  });

  it('is refused when an unknown secret id signs', async () => {
    const result = await tencentSmsChannel({ ...config, secretId: 'AKIDsomeoneelse' }).send({
      tenantId: '431022', phone: '13800000001', kind: 'reset', params: { code: 'ABCDE-FGHJK' },
    });
    expect(result).toEqual({ provider: 'tencent', status: 'failed', errorCode: 'AuthFailure.SecretIdNotFound' });
  });

  it('reports the operator refusing a phone as failed with its code', async () => {
    const result = await tencentSmsChannel(config).send({
      tenantId: '431022', phone: '13900000099', kind: 'activation', params: { code: 'ABCDE-FGHJK', link: 'http://127.0.0.1:3000/activate?t=431022&code=ABCDE-FGHJK' },
    });
    expect(result).toEqual({ provider: 'tencent', status: 'failed', errorCode: 'LimitExceeded.PhoneNumberDailyLimit' });
  });

  it('reports an unreachable provider as failed without throwing', async () => {
    const closed = await startTencentStandIn({ secretId: SECRET_ID, secretKey: SECRET_KEY });
    await closed.close();
    const result = await tencentSmsChannel({ ...config, endpoint: closed.endpoint }).send({
      tenantId: '431022', phone: '13800000001', kind: 'activation', params: { code: 'ABCDE-FGHJK', link: 'http://127.0.0.1:3000/activate?t=431022&code=ABCDE-FGHJK' },
    });
    expect(result).toEqual({ provider: 'tencent', status: 'failed', errorCode: 'NetworkError' });
  });
});

describe('the Tencent stand-in', () => {
  it('refuses a signed request whose body was changed after signing', async () => {
    await tencentSmsChannel(config).send({ tenantId: '431022', phone: '13800000001', kind: 'activation', params: { code: 'ABCDE-FGHJK', link: 'http://127.0.0.1:3000/activate?t=431022&code=ABCDE-FGHJK' } });
    const { headers, body } = standIn.received.at(-1)!.raw;
    const { 'content-length': _length, ...replayed } = headers;
    const send = (payload: string) => postRaw(standIn.url, replayed, payload);

    // The untouched replay passes (its signature is fresh for five minutes); the altered one does not.
    expect(await send(body)).toMatchObject({ Response: { SendStatusSet: [{ Code: 'Ok' }] } });
    expect(await send(body.replace('+8613800000001', '+8613800000009'))).toMatchObject({
      Response: { Error: { Code: 'AuthFailure.SignatureFailure' } },
    });
  });

  it('refuses a request without a TC3 signature', async () => {
    const response = await fetch(standIn.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tc-action': 'SendSms' }, body: '{}' });
    expect(await response.json()).toMatchObject({ Response: { Error: { Code: 'AuthFailure.InvalidAuthorization' } } });
  });

  it('refuses a signature older than five minutes', async () => {
    const late = await startTencentStandIn({ secretId: SECRET_ID, secretKey: SECRET_KEY, now: () => new Date(Date.now() + 6 * 60_000) });
    try {
      const result = await tencentSmsChannel({ ...config, endpoint: late.endpoint }).send({
        tenantId: '431022', phone: '13800000001', kind: 'activation', params: { code: 'ABCDE-FGHJK', link: 'http://127.0.0.1:3000/activate?t=431022&code=ABCDE-FGHJK' },
      });
      expect(result).toEqual({ provider: 'tencent', status: 'failed', errorCode: 'AuthFailure.SignatureExpire' });
    } finally {
      await late.close();
    }
  });
});
