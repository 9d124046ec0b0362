import type { ErrorCode, ErrorParams, FieldProblem } from '@tongxin/errors';
import { ACCESS_COOKIE, CSRF_HEADER, generateAccessKeys, mintAccessToken, type AccessClaims, type AccessKeys, type RoleGrant } from '@tongxin/auth';
import type { Database, ServiceMigrations } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import type { Hono } from 'hono';
import type { ServiceBindings, ServiceDeps } from '../context.ts';

export interface CallOptions {
  /** Who calls: claims for an access token, or none (anonymous). */
  as?: Partial<AccessClaims> & { roles: RoleGrant[] };
  input?: unknown;
  /** Extra cookies, e.g. the session cookie for identity. */
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
  /** The socket peer's address, as the Node host passes it (the client address of throttles and the audit). */
  peer?: string;
}

export interface CallResult {
  status: number;
  data: any;
  /**
   * `code` is tRPC's, `reason` the domain code (`@tongxin/errors`), `fields` each field's code
   * (its parameters are in `problems`), `message` the English for developers.
   */
  error: { message: string; code: string; reason: ErrorCode | null; params: ErrorParams; fields: Record<string, ErrorCode> | null; problems: Record<string, FieldProblem> | null } | null;
  setCookies: string[];
}

/**
 * A service app over a real database (PGlite, or PostgreSQL when the suite runs there),
 * called through real HTTP requests with `app.request()`, and a controllable clock.
 */
export async function createServiceHarness(app: Hono<{ Bindings: ServiceBindings }>, migrations: readonly ServiceMigrations[]) {
  const database: Database = await createTestDatabase(migrations);
  const { keys } = await generateAccessKeys();
  const clock = { now: new Date('2026-11-02T09:00:00+08:00') };
  // Work deferred past an answer waits here until the test settles it, so a test sees what
  // the request itself did, then what ran after.
  const deferred: (() => Promise<void>)[] = [];
  const deps: ServiceDeps = { database, keys, now: () => clock.now, secureCookies: false, defer: (work) => void deferred.push(work) };

  async function tokenFor(as: CallOptions['as'] & object): Promise<string> {
    const claims: AccessClaims = { userId: 'u-test', tenantId: 't1', sessionId: 's-test', name: 'test', ...as };
    return mintAccessToken(keys, claims, clock.now);
  }

  async function call(kind: 'query' | 'mutation', path: string, options: CallOptions = {}): Promise<CallResult> {
    const cookies = { ...options.cookies };
    if (options.as) cookies[ACCESS_COOKIE] = await tokenFor(options.as);
    const headers: Record<string, string> = {
      cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; '),
      ...options.headers,
    };
    let url = `http://localhost${path}`;
    const init: RequestInit = { headers };
    if (kind === 'query') {
      if (options.input !== undefined) url += `?input=${encodeURIComponent(JSON.stringify(options.input))}`;
    } else {
      init.method = 'POST';
      headers['content-type'] = 'application/json';
      headers[CSRF_HEADER] ??= '1';
      init.body = JSON.stringify(options.input ?? null);
    }
    const response = await app.request(url, init, { deps, peerAddress: options.peer });
    const body = (await response.json()) as any;
    const problems = (body.error?.data?.fields ?? null) as Record<string, FieldProblem> | null;
    const error = body.error
      ? {
          message: body.error.message,
          code: body.error.data?.code ?? body.error.code,
          reason: body.error.data?.reason ?? null,
          params: body.error.data?.params ?? {},
          fields: problems && Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, problem.code])),
          problems,
        }
      : null;
    return { status: response.status, data: body.result?.data, error, setCookies: response.headers.getSetCookie() };
  }

  return {
    database,
    deps,
    keys: keys as AccessKeys,
    clock,
    tokenFor,
    query: (path: string, options?: CallOptions) => call('query', path, options),
    mutate: (path: string, options?: CallOptions) => call('mutation', path, options),
    request: (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init, { deps }),
    /** How many pieces of work wait for the answer to be past. */
    deferredCount: () => deferred.length,
    /** Runs the work deferred past the answers so far, in order. */
    settle: async () => {
      while (deferred.length > 0) await deferred.shift()!();
    },
    close: () => database.close(),
  };
}
export type ServiceHarness = Awaited<ReturnType<typeof createServiceHarness>>;
