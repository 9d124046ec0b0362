import { generateAccessKeys } from '@tongxin/auth';
import { createServiceApp, publicProcedure, router } from '@tongxin/trpc';
import { describe, expect, it } from 'vitest';
import { createEdgeHandler, type EdgeEnv, type EdgeExecutionContext } from './edge-handler.ts';

/**
 * The edge host as the Workers runtime calls it, with a probe service that answers the
 * client address every per-client limit and the audit use (issue 13 E). Its database (the
 * Neon driver's pool) is opened but never reached: the probe runs no query.
 */
const events: string[] = [];
const probe = createServiceApp('probe', router({
  whoAmI: publicProcedure.query(({ ctx }) => ctx.clientIp),
  answerFirst: publicProcedure.query(({ ctx }) => {
    ctx.deps.defer!(async () => void events.push('deferred work'));
    events.push('answered');
    return 'ok';
  }),
}));
const handler = createEdgeHandler(probe);
const { publicJwk } = await generateAccessKeys();
const env: EdgeEnv = { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none', ACCESS_PUBLIC_JWK: JSON.stringify(publicJwk) };
const pending: Promise<unknown>[] = [];
const ctx: EdgeExecutionContext = { waitUntil: (p) => void pending.push(p), passThroughOnException: () => {}, props: {} };

async function clientIp(headers: Record<string, string>, bindings: Partial<EdgeEnv> = {}) {
  const response = await handler.fetch(new Request('https://tongxin.example/api/probe/trpc/whoAmI', { headers }), { ...env, ...bindings }, ctx);
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { data: string | null } }).result.data;
}

describe('the edge host', () => {
  it("takes the client's address from CF-Connecting-IP, whatever X-Forwarded-For the client wrote", async () => {
    expect(await clientIp({ 'cf-connecting-ip': '203.0.113.7', 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })).toBe('203.0.113.7');
    expect(await clientIp({ 'cf-connecting-ip': '2001:db8::7', 'x-forwarded-for': '198.51.100.1' })).toBe('2001:db8::7');
  });

  it('believes no forwarded header when the platform vouched for no address: the address is unknown (one shared throttle key)', async () => {
    expect(await clientIp({ 'x-forwarded-for': '198.51.100.1' })).toBeNull();
    expect(await clientIp({ 'x-real-ip': '198.51.100.1' })).toBeNull();
    expect(await clientIp({ 'cf-connecting-ip': '198.51.100.1<script>', 'x-forwarded-for': '198.51.100.2' })).toBeNull();
  });

  it("reads another platform's header when CLIENT_ADDRESS_HEADER names it, and then not Cloudflare's", async () => {
    const other = { CLIENT_ADDRESS_HEADER: 'X-Real-IP' };
    expect(await clientIp({ 'x-real-ip': '192.0.2.9', 'cf-connecting-ip': '198.51.100.1', 'x-forwarded-for': '198.51.100.2' }, other)).toBe('192.0.2.9');
    expect(await clientIp({ 'cf-connecting-ip': '198.51.100.1' }, other)).toBeNull();
  });
});

describe('work deferred past the answer on the edge host', () => {
  it('runs after the answer, and the runtime is asked to wait for it', async () => {
    pending.length = 0;
    const response = await handler.fetch(new Request('https://tongxin.example/api/probe/trpc/answerFirst'), env, ctx);
    expect(response.status).toBe(200);
    expect(events).toEqual(['answered']);
    await Promise.all(pending);
    expect(events).toEqual(['answered', 'deferred work']);
  });
});
