import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tc3Date, tc3Signature } from './tc3-signature.ts';

/** The fields of a SendSms request (API 2021-01-11) the stand-in reads. */
export type ReceivedSendSms = {
  PhoneNumberSet: string[];
  SmsSdkAppId: string;
  TemplateId: string;
  SignName?: string;
  TemplateParamSet?: string[];
};

export type ReceivedRequest = {
  action: string;
  region: string | undefined;
  secretId: string;
  request: ReceivedSendSms;
  /** As it arrived, so a test can replay it altered. */
  raw: { headers: Record<string, string>; body: string };
};

export type TencentStandIn = {
  /** The server itself (`http://127.0.0.1:<port>`), for raw requests. */
  url: string;
  /**
   * What to give the channel as its `endpoint` (`http://sms.localhost:<port>`): the SDK names
   * the signed service after the endpoint's first label, and the API expects `sms`.
   */
  endpoint: string;
  /** Requests whose signature held, in order. */
  received: ReceivedRequest[];
  close(): Promise<void>;
};

export type TencentStandInOptions = {
  secretId: string;
  secretKey: string;
  /** Phones (E.164) the "operator" refuses, with the SendStatus code to answer. */
  failures?: Record<string, string>;
  /** The clock the signature's freshness is checked against. */
  now?: () => Date;
};

const SERVICE = 'sms';
const VERSION = '2021-01-11';
/** The API refuses a signature more than 5 minutes off its own clock. */
const MAX_SKEW_SECONDS = 300;
const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

class ApiError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

function headerMap(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

/** Throws the API's error when the request's TC3-HMAC-SHA256 signature does not hold. */
function verifySignature(req: IncomingMessage, headers: Record<string, string>, body: Buffer, options: TencentStandInOptions): string {
  const match = AUTHORIZATION.exec(headers.authorization ?? '');
  if (!match) throw new ApiError('AuthFailure.InvalidAuthorization', 'Authorization is not a TC3-HMAC-SHA256 signature.');
  const [, secretId, date, service, signedHeaderList, signature] = match as unknown as string[];
  if (secretId !== options.secretId) throw new ApiError('AuthFailure.SecretIdNotFound', 'The SecretId is not found.');
  const timestamp = Number(headers['x-tc-timestamp']);
  const now = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > MAX_SKEW_SECONDS) {
    throw new ApiError('AuthFailure.SignatureExpire', 'The signature is expired.');
  }
  const signedHeaders = signedHeaderList!.split(';');
  // The content type and the host must be signed; the host is signed without its port, as
  // the official SDKs do (the API itself is only reached on the default port).
  if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) {
    throw new ApiError('AuthFailure.SignatureFailure', 'The signature must cover content-type and host.');
  }
  const url = new URL(req.url ?? '/', 'http://stand-in');
  const expected = tc3Signature({
    method: req.method ?? 'POST',
    path: url.pathname,
    query: url.search.slice(1),
    signedHeaders,
    headers: { ...headers, host: (headers.host ?? '').replace(/:\d+$/, '') },
    body,
    timestamp,
    service: SERVICE,
    secretKey: options.secretKey,
  });
  // The scope the client claims must be the one the API derives: today's date, service sms.
  const scopeHolds = date === tc3Date(timestamp) && service === SERVICE;
  if (!scopeHolds || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature!))) {
    throw new ApiError('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
  }
  return secretId!;
}

function parseSendSms(body: Buffer): ReceivedSendSms {
  let request: Partial<ReceivedSendSms>;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError('InvalidParameter', 'The request body is not JSON.');
  }
  for (const field of ['PhoneNumberSet', 'SmsSdkAppId', 'TemplateId'] as const) {
    if (request[field] === undefined) throw new ApiError('MissingParameter', `The parameter ${field} is missing.`);
  }
  if (!Array.isArray(request.PhoneNumberSet) || request.PhoneNumberSet.length === 0) {
    throw new ApiError('InvalidParameterValue.IncorrectPhoneNumber', 'PhoneNumberSet must list at least one phone.');
  }
  return request as ReceivedSendSms;
}

function answer(res: ServerResponse, response: Record<string, unknown>): void {
  // The API answers 200 for refusals too; the error is in Response.Error.
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ Response: { ...response, RequestId: randomUUID() } }));
}

/**
 * A local stand-in for Tencent Cloud SMS's API 3.0, enough for SendSms: it checks each
 * request's TC3-HMAC-SHA256 signature against the secret key (canonical request, string to
 * sign, derived key), its freshness and credential scope, then the action and version, and
 * answers as the API does: a SendStatus per phone, or `Response.Error`.
 */
export async function startTencentStandIn(options: TencentStandInOptions): Promise<TencentStandIn> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = headerMap(req);
      try {
        if (req.method !== 'POST') throw new ApiError('UnsupportedOperation', 'The stand-in takes POST requests only.');
        const secretId = verifySignature(req, headers, body, options);
        const action = headers['x-tc-action'] ?? '';
        if (action !== 'SendSms') throw new ApiError('InvalidAction', `The action ${action} is not found.`);
        if (headers['x-tc-version'] !== VERSION) throw new ApiError('NoSuchVersion', 'The API version does not exist.');
        const request = parseSendSms(body);
        received.push({ action, region: headers['x-tc-region'], secretId, request, raw: { headers, body: body.toString('utf8') } });
        answer(res, {
          SendStatusSet: request.PhoneNumberSet.map((phone) => {
            const failure = options.failures?.[phone];
            return {
              SerialNo: failure ? '' : `2433:${randomInt(1e9, 1e10 - 1)}${randomInt(1e9, 1e10 - 1)}`,
              PhoneNumber: phone,
              Fee: failure ? 0 : 1,
              SessionContext: '',
              Code: failure ?? 'Ok',
              Message: failure ? 'refused by the stand-in' : 'send success',
              IsoCode: 'CN',
            };
          }),
        });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        answer(res, { Error: { Code: error.code, Message: error.message } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    endpoint: `http://sms.localhost:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
