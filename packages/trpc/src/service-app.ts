import { trpcServer } from '@hono/trpc-server';
import { ACCESS_COOKIE, CSRF_HEADER, createAccessTokenVerifier, type AccessClaims, type AccessKeys } from '@tongxin/auth';
import { ping } from '@tongxin/db';
import type { AnyTRPCRouter } from '@trpc/server';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { parse } from 'hono/utils/cookie';
import { clientAddress } from './client-address/client-address.ts';
import { isDatabaseUnavailable } from './database-errors.ts';
import type { Context, ServiceBindings } from './context.ts';

/** Request bodies above this are refused before parsing (issue 3: limit oversized bodies). */
export const MAX_BODY_BYTES = 64 * 1024;

const verifiers = new WeakMap<AccessKeys, ReturnType<typeof createAccessTokenVerifier>>();
function verifierFor(keys: AccessKeys) {
  let verify = verifiers.get(keys);
  if (!verify) verifiers.set(keys, (verify = createAccessTokenVerifier(keys)));
  return verify;
}

/**
 * Who calls: the claims of a valid access token from the access cookie or a Bearer header,
 * or null. How tRPC's context authenticates, and any plain route beside it (an upload).
 */
export async function claimsOf(c: { env: ServiceBindings; req: { header(name: string): string | undefined } }): Promise<AccessClaims | null> {
  const deps = c.env.deps;
  const bearer = c.req.header('authorization')?.replace(/^Bearer\s+/i, '');
  const token = bearer || parse(c.req.header('cookie') ?? '')[ACCESS_COOKIE];
  return token ? verifierFor(deps.keys)(token, deps.now()) : null;
}

/**
 * Cross-site request defence for mutations: SameSite=Lax cookies, plus a custom header a
 * cross-site form cannot send, plus the Origin (when the browser sends one) must be ours.
 */
export const crossSiteGuard: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const origin = c.req.header('origin');
  if (origin && origin !== new URL(c.req.url).origin) {
    return c.json({ error: { code: 'FORBIDDEN', message: 'Cross-site request refused' } }, 403);
  }
  if (!c.req.header(CSRF_HEADER)) {
    return c.json({ error: { code: 'FORBIDDEN', message: `Missing ${CSRF_HEADER} header` } }, 403);
  }
  return next();
};

/**
 * A service's Hono app: `/api/<name>/health` and the tRPC router at `/api/<name>/trpc`.
 * Exported as a fetch handler, so the same app runs on Node and on an edge runtime.
 */
export function createServiceApp(name: string, appRouter: AnyTRPCRouter) {
  const base = `/api/${name}`;
  const app = new Hono<{ Bindings: ServiceBindings }>();

  // A plain route beside tRPC (an evidence photo) that meets a database outage answers 503,
  // as a procedure does; anything else keeps Hono's plain 500.
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (isDatabaseUnavailable(error)) {
      console.error(`[${name}] ${c.req.method} ${c.req.path} failed: SERVICE_UNAVAILABLE`);
      return c.json({ error: { code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable: try again shortly' } }, 503);
    }
    console.error(error);
    return c.text('Internal Server Error', 500);
  });

  app.get(`${base}/health`, async (c) => {
    const { database } = c.env.deps;
    try {
      await ping(database);
      return c.json({ service: name, ok: true, db: database.kind });
    } catch {
      return c.json({ service: name, ok: false, db: database.kind, error: 'database unreachable' }, 503);
    }
  });

  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: `Request body over ${MAX_BODY_BYTES} bytes` } }, 413),
  });
  // A query (GET) has no body to limit, and asking for one builds the whole fetch Request
  // that @hono/node-server otherwise never makes: a few per cent of each read (issue 16).
  app.use(`${base}/trpc/*`, (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  app.use(`${base}/trpc/*`, crossSiteGuard);

  // Answers hold personal data, codes and links: no cache keeps them (issue 13 F).
  // Set on the answer's own headers: `c.header` after `next()` rebuilds the whole answer. An
  // answer whose headers are immutable (a redirect, a fetched response) is copied first.
  app.use(`${base}/*`, async (c, next) => {
    await next();
    try {
      c.res.headers.set('Cache-Control', 'no-store');
    } catch {
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set('Cache-Control', 'no-store');
    }
  });

  app.use(`${base}/trpc/*`, trpcServer({
    router: appRouter,
    endpoint: `${base}/trpc`,
    // Operators see which procedure failed and how, never the message (it can hold SQL
    // parameters: a username, a hash) nor the input.
    onError: ({ error, path }) => {
      if (error.code !== 'INTERNAL_SERVER_ERROR' && error.code !== 'SERVICE_UNAVAILABLE') return;
      const cause = error.cause as { name?: string; code?: string } | undefined;
      console.error(`[${name}] ${path ?? '?'} failed: ${error.code} (${cause?.name ?? 'Error'}${cause?.code ? ` ${cause.code}` : ''})`);
    },
    createContext: async (opts, c): Promise<Context> => {
      const deps = (c.env as ServiceBindings).deps;
      const cookies = parse(c.req.header('cookie') ?? '');
      const claims = await claimsOf(c);
      const bindings = c.env as ServiceBindings;
      const clientIp = clientAddress(bindings.peerAddress, c.req.header('x-forwarded-for'), deps.trustedProxies);
      return { deps, claims, cookies, resHeaders: opts.resHeaders, clientIp };
    },
  }));

  return app;
}
