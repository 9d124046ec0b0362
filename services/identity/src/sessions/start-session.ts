import { ACCESS_TOKEN_TTL_S, mintAccessToken, sessionIdFromToken } from '@tongxin/auth';
import type { Tx } from '@tongxin/db';
import type { Context } from '@tongxin/trpc';
import { loadUser, type UserWithRoles } from '../auth/load-user.ts';
import { setAccessCookie, setSessionCookie } from './session-cookies.ts';
import { createSession } from './sessions.ts';

/** What every way in answers (login, activation, an accepted invitation, a reset). */
export type LoginResult = Awaited<ReturnType<typeof issueAccess>>;

/** Mints the 60-second access token from a live session and sets it as a cookie. */
export async function issueAccess(ctx: Context, tenantId: string, sessionId: string, user: UserWithRoles) {
  const now = ctx.deps.now();
  const token = await mintAccessToken(ctx.deps.keys, { userId: user.id, tenantId, sessionId, name: user.name, roles: user.roles }, now);
  setAccessCookie(ctx, token);
  return { user: { id: user.id, name: user.name }, tenantId, roles: user.roles, accessExpiresAt: new Date(now.getTime() + ACCESS_TOKEN_TTL_S * 1000) };
}

/**
 * Opens a session for a user inside the transaction that proved who they are (a new
 * account, a reset password); the caller answers with `finishLogin` after it commits.
 */
export async function openSession(tx: Tx, tenantId: string, userId: string, now: Date): Promise<{ token: string; user: UserWithRoles }> {
  const { token } = await createSession(tx, tenantId, userId, now);
  const user = await loadUser(tx, tenantId, userId);
  if (!user) throw new Error('user vanished while opening a session');
  return { token, user };
}

/** Sets the session cookie and the access token: the caller is logged in. */
export function finishLogin(ctx: Context, tenantId: string, opened: { token: string; user: UserWithRoles }): Promise<LoginResult> {
  setSessionCookie(ctx, tenantId, opened.token);
  return issueAccess(ctx, tenantId, sessionIdFromToken(opened.token), opened.user);
}
