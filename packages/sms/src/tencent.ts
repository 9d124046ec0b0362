import { lookup as dnsLookup } from 'node:dns';
import { Agent } from 'node:http';
import type { LookupFunction } from 'node:net';
import { sms } from 'tencentcloud-sdk-nodejs-sms';
import type { MessageChannel, TencentSmsConfig } from './message-channel.ts';
import { templateParamSet } from './render-sms.ts';

export type { TencentSmsConfig };

// Node does not resolve subdomains of localhost, which RFC 6761 reserves for loopback; the
// stand-in is reached as sms.localhost because the SDK signs with the endpoint's first label
// as the service name, and the API (and its stand-in) expects `sms` there.
const loopbackLookup: LookupFunction = (hostname, options, callback) => {
  if (hostname !== 'localhost' && !hostname.endsWith('.localhost')) return dnsLookup(hostname, options, callback);
  if (options.all) return (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
  return callback(null, '127.0.0.1', 4);
};

function httpProfile(endpoint: string | undefined) {
  // A short timeout: the caller is a person waiting for a code, not a batch job.
  if (endpoint === undefined) return { reqTimeout: 10 };
  const url = new URL(endpoint);
  return {
    reqTimeout: 10,
    protocol: `${url.protocol}//`,
    endpoint: url.host,
    // Our own agent also keeps the SDK from routing a local endpoint through an http_proxy.
    ...(url.protocol === 'http:' ? { agent: new Agent({ lookup: loopbackLookup }) } : {}),
  };
}

/** Tencent wants E.164; the ledger keeps mainland mobiles as 11 digits. */
function e164(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `+86${phone}` : phone;
}

/**
 * Tencent Cloud SMS through its official Node SDK (API 2021-01-11, SendSms), which signs each
 * request with TC3-HMAC-SHA256. Node only: the SDK uses node-fetch and node:crypto.
 */
export function tencentSmsChannel(config: TencentSmsConfig): MessageChannel {
  const client = new sms.v20210111.Client({
    credential: { secretId: config.secretId, secretKey: config.secretKey },
    region: config.region,
    profile: { httpProfile: httpProfile(config.endpoint) },
  });
  return {
    async send(message) {
      const templateId = config.templates[message.kind];
      // A notice kind the county has no approved template for yet: not sent, said so.
      if (!templateId) return { provider: 'tencent', status: 'failed', errorCode: 'TemplateMissing' };
      // Outside the try: a message without its values is our bug, not a delivery failure.
      const request = {
        PhoneNumberSet: [e164(message.phone)],
        SmsSdkAppId: config.sdkAppId,
        TemplateId: templateId,
        SignName: config.signName,
        TemplateParamSet: templateParamSet(message),
      };
      try {
        const response = await client.SendSms(request);
        const status = response.SendStatusSet?.[0];
        if (status?.Code === 'Ok') {
          return { provider: 'tencent', status: 'sent', ...(status.SerialNo ? { providerMessageId: status.SerialNo } : {}) };
        }
        return { provider: 'tencent', status: 'failed', errorCode: status?.Code ?? 'NoSendStatus' };
      } catch (error) {
        // The SDK throws TencentCloudSDKHttpException: `code` is the API's error code (the
        // request was refused), `httpCode` a non-200 answer; neither means it never arrived.
        const { code, httpCode } = error as { code?: string; httpCode?: number };
        return { provider: 'tencent', status: 'failed', errorCode: code || (httpCode ? `Http${httpCode}` : 'NetworkError') };
      }
    },
  };
}
