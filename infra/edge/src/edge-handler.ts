import { importAccessKeys, type AccessKeys } from '@tongxin/auth';
import { openDatabase } from '@tongxin/db';
import type { ServiceBindings, ServiceDeps } from '@tongxin/trpc';

/** A Worker's bindings (wrangler.toml `[vars]` and secrets). */
export interface EdgeEnv {
  /** postgres://… of the service's database (Neon, or a PostgreSQL behind a WebSocket proxy). */
  DATABASE_URL: string;
  /** host:port/v2 of a WebSocket-to-TCP proxy; unset on Neon itself (its own proxy is used). */
  NEON_WS_PROXY?: string;
  /** Identity's public access-token key, as a JWK JSON string. */
  ACCESS_PUBLIC_JWK: string;
  /** Only for the identity Worker, which mints tokens: its private key (a secret, never a var). */
  ACCESS_PRIVATE_JWK?: string;
  /**
   * The request header in which the platform puts the client's address, set by its edge and
   * not forgeable through it: `CF-Connecting-IP` on Cloudflare Workers (the default). Another
   * platform names its own (e.g. `X-Real-IP` where its proxy overwrites it). Never
   * X-Forwarded-For: its left-most entry is whatever the client wrote.
   */
  CLIENT_ADDRESS_HEADER?: string;
}

export const DEFAULT_CLIENT_ADDRESS_HEADER = 'cf-connecting-ip';

/** Only what an IPv4 or IPv6 address is made of, so no header junk reaches the throttles' keys or the audit. */
const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

/**
 * The client's address as the platform vouches for it, passed to the app as its peer address
 * (issue 13 E: without it, per-client limits read a header the client chose). Absent or
 * malformed, the app counts the request under the shared "unknown" key.
 */
export function platformPeerAddress(request: Request, env: Pick<EdgeEnv, 'CLIENT_ADDRESS_HEADER'>): string | undefined {
  const value = request.headers.get(env.CLIENT_ADDRESS_HEADER?.trim() || DEFAULT_CLIENT_ADDRESS_HEADER)?.trim();
  return value && ADDRESS.test(value) ? value : undefined;
}

/** What a Workers runtime passes as the third fetch argument (structurally Hono's ExecutionContext). */
export interface EdgeExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  props: unknown;
}

/** A service's Hono app, as a fetch handler taking `deps` in its env. */
export interface ServiceFetchApp {
  fetch(request: Request, env: ServiceBindings, ctx: EdgeExecutionContext): Response | Promise<Response>;
}

// Imported once per isolate, keyed by the JWK text: the service app caches token
// verifications per key object, so a stable object keeps that cache useful across requests.
let cachedKeys: { jwk: string; keys: Promise<AccessKeys> } | null = null;
function accessKeysFrom(publicJwk: string, privateJwk: string | undefined): Promise<AccessKeys> {
  const jwk = `${publicJwk}|${privateJwk ?? ''}`;
  if (cachedKeys?.jwk !== jwk) {
    const keys = importAccessKeys(JSON.parse(publicJwk), privateJwk ? JSON.parse(privateJwk) : undefined);
    keys.catch(() => (cachedKeys = null));
    cachedKeys = { jwk, keys };
  }
  return cachedKeys.keys;
}

/**
 * Hosts a service app on a Workers-style runtime (workerd, Cloudflare Workers). Per request it
 * opens a Neon-driver pool (an edge runtime may not share I/O objects between requests, see
 * design.md "Edge runtime"), passes the deps the Node runner would, and ends the pool after
 * the response (and the work deferred past it) with `waitUntil`. The global WebSocket is used; no `ws` package.
 */
export function createEdgeHandler(app: ServiceFetchApp) {
  return {
    async fetch(request: Request, env: EdgeEnv, ctx: EdgeExecutionContext): Promise<Response> {
      if (!env.DATABASE_URL || !env.ACCESS_PUBLIC_JWK) {
        return Response.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'DATABASE_URL and ACCESS_PUBLIC_JWK must be bound' } }, { status: 500 });
      }
      const keys = await accessKeysFrom(env.ACCESS_PUBLIC_JWK, env.ACCESS_PRIVATE_JWK);
      const database = await openDatabase({ url: env.DATABASE_URL, driver: 'neon', neonWsProxy: env.NEON_WS_PROXY });
      // Work deferred past the answer (a reset code's SMS) runs once the answer is on its way;
      // the runtime keeps the request alive for it, and the pool closes after it.
      const deferred: Promise<void>[] = [];
      const deps: ServiceDeps = {
        database,
        keys,
        now: () => new Date(),
        secureCookies: new URL(request.url).protocol === 'https:',
        defer: (work) => void deferred.push(new Promise<void>((resolve) => setTimeout(resolve, 0)).then(work)),
      };
      try {
        return await app.fetch(request, { deps, peerAddress: platformPeerAddress(request, env) }, ctx);
      } finally {
        ctx.waitUntil(Promise.allSettled(deferred).then(() => database.close()));
      }
    },
  };
}
