import { ACCESS_COOKIE, ACCESS_TOKEN_TTL_S, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '@tongxin/auth';
import { serialize } from 'hono/utils/cookie';

interface CookieTarget {
  resHeaders: Headers;
  deps: { secureCookies: boolean };
}

const base = (secure: boolean) => ({ httpOnly: true, sameSite: 'Lax' as const, secure });

/** The session cookie carries `<tenantId>.<token>`: identity needs the tenant to open its transaction. */
export function setSessionCookie(ctx: CookieTarget, tenantId: string, token: string) {
  ctx.resHeaders.append(
    'set-cookie',
    serialize(SESSION_COOKIE, `${tenantId}.${token}`, { ...base(ctx.deps.secureCookies), path: '/', maxAge: SESSION_ABSOLUTE_MS / 1000 }),
  );
}

export function setAccessCookie(ctx: CookieTarget, accessToken: string) {
  ctx.resHeaders.append(
    'set-cookie',
    serialize(ACCESS_COOKIE, accessToken, { ...base(ctx.deps.secureCookies), path: '/api', maxAge: ACCESS_TOKEN_TTL_S }),
  );
}

export function clearAuthCookies(ctx: CookieTarget) {
  ctx.resHeaders.append('set-cookie', serialize(SESSION_COOKIE, '', { ...base(ctx.deps.secureCookies), path: '/', maxAge: 0 }));
  ctx.resHeaders.append('set-cookie', serialize(ACCESS_COOKIE, '', { ...base(ctx.deps.secureCookies), path: '/api', maxAge: 0 }));
}

export function readSessionCookie(cookies: Record<string, string>): { tenantId: string; token: string } | null {
  const value = cookies[SESSION_COOKIE];
  const dot = value?.indexOf('.') ?? -1;
  if (!value || dot < 1) return null;
  return { tenantId: value.slice(0, dot), token: value.slice(dot + 1) };
}
