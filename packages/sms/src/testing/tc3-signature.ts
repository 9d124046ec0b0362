import { createHash, createHmac } from 'node:crypto';

/**
 * Tencent Cloud API 3.0's request signature (TC3-HMAC-SHA256), computed the way the API
 * computes it to check a request: written from the API's "Signature v3" description, not
 * taken from the SDK, so the stand-in checks the SDK rather than agreeing with itself.
 */
export type Tc3Input = {
  method: string;
  path: string;
  query: string;
  /** Lower-case names of the signed headers, in the order the request named them. */
  signedHeaders: string[];
  headers: Record<string, string>;
  body: Uint8Array | string;
  /** Unix seconds (X-TC-Timestamp). */
  timestamp: number;
  /** The API's own service name (`sms`), not the one the client claimed. */
  service: string;
  secretKey: string;
};

const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Uint8Array | string, data: string) => createHmac('sha256', key).update(data).digest();

/** The UTC date of a timestamp: the credential scope's date. */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function tc3Signature(input: Tc3Input): string {
  // Header names and values lower-cased and trimmed, one `name:value\n` per signed header.
  const canonicalHeaders = input.signedHeaders
    .map((name) => `${name}:${(input.headers[name] ?? '').trim().toLowerCase()}\n`)
    .join('');
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.path,
    input.query,
    canonicalHeaders,
    input.signedHeaders.join(';'),
    sha256Hex(input.body),
  ].join('\n');
  const date = tc3Date(input.timestamp);
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), `${date}/${input.service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n');
  const secretDate = hmac(`TC3${input.secretKey}`, date);
  const secretService = hmac(secretDate, input.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  return createHmac('sha256', secretSigning).update(stringToSign).digest('hex');
}
