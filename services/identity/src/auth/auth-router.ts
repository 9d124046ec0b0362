import { sessionIdFromToken } from '@tongxin/auth';
import { authedProcedure, publicProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { ZNewPassword } from '../passwords/password-policy.ts';
import { clearAuthCookies, readSessionCookie, setSessionCookie } from '../sessions/session-cookies.ts';
import { issueAccess } from '../sessions/start-session.ts';
import { endSession, validateSession } from '../sessions/sessions.ts';
import { listTenants } from '../tenants/list-tenants.ts';
import { tenantState } from '../tenants/manage-tenants.ts';
import { audit } from './audit.ts';
import { changePassword } from './change-password.ts';
import { logIn } from './log-in.ts';
import { loadUser } from './load-user.ts';
import { DomainError } from '@tongxin/errors';

export const ZLogInInput = z.object({
  tenantId: z.string().trim().min(1, 'choose a county').max(32),
  username: z.string().trim().min(1, 'enter your account').max(64),
  password: z.string().min(1, 'enter your password').max(256),
});

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: ZNewPassword,
});


export const authRouter = {
  tenants: publicProcedure.query(({ ctx }) => ctx.tenantTx(null)(listTenants)),

  login: publicProcedure.input(ZLogInInput).mutation(async ({ ctx, input }) => {
    // One transaction: the county's state and the login (each separate transaction cost
    // round trips a login could not spare: `npm run bench -- login`).
    const result = await ctx.tenantTx(input.tenantId)(async (t) => {
      const state = await tenantState(t, input.tenantId);
      if (state === 'active') return logIn(t, input.tenantId, { ...input, ip: ctx.clientIp }, ctx.deps.now());
      if (state === 'unknown') return { outcome: 'unknown' } as const;
      await audit(t, input.tenantId, 'login_refused_suspended', ctx.deps.now(), { username: input.username, ip: ctx.clientIp });
      return { outcome: 'suspended' } as const;
    });
    if (result.outcome === 'unknown') throw new DomainError('county_not_found', { message: 'Unknown county (tenant)' });
    if (result.outcome === 'suspended') throw new DomainError('county_suspended', { message: 'This county is suspended' });
    if (result.outcome === 'locked') {
      throw new DomainError('account_locked', { message: 'Too many failed attempts: this account is locked for 15 minutes' });
    }
    if (result.outcome === 'invalid') throw new DomainError('wrong_credentials', { message: 'Wrong account or password' });
    setSessionCookie(ctx, input.tenantId, result.token);
    return issueAccess(ctx, input.tenantId, sessionIdFromToken(result.token), result.user);
  }),

  /** Called by clients when a service answers UNAUTHORIZED: a live session gets a fresh access token. */
  refresh: publicProcedure.mutation(async ({ ctx }) => {
    const cookie = readSessionCookie(ctx.cookies);
    const found = cookie
      ? await ctx.tenantTx(cookie.tenantId)(async (tx) => {
          // A suspended tenant's sessions mint no new token: they stop within 60 s.
          if ((await tenantState(tx, cookie.tenantId)) !== 'active') return null;
          const session = await validateSession(tx, cookie.tenantId, cookie.token, ctx.deps.now());
          const user = session ? await loadUser(tx, cookie.tenantId, session.userId) : null;
          return session && user ? { session, user } : null;
        })
      : null;
    if (!cookie || !found) {
      clearAuthCookies(ctx);
      throw new DomainError('session_ended', { message: 'The session has ended: log in again' });
    }
    return issueAccess(ctx, cookie.tenantId, found.session.id, found.user);
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    const cookie = readSessionCookie(ctx.cookies);
    if (cookie) {
      await ctx.tenantTx(cookie.tenantId)(async (tx) => {
        const session = await validateSession(tx, cookie.tenantId, cookie.token, ctx.deps.now());
        if (!session) return;
        await endSession(tx, cookie.tenantId, session.id);
        await audit(tx, cookie.tenantId, 'logout', ctx.deps.now(), { userId: session.userId, ip: ctx.clientIp });
      });
    }
    clearAuthCookies(ctx);
    return { ok: true as const };
  }),

  me: authedProcedure.query(({ ctx }) => ({
    user: { id: ctx.claims.userId, name: ctx.claims.name },
    tenantId: ctx.claims.tenantId,
    roles: ctx.claims.roles,
  })),

  changePassword: authedProcedure.input(ZChangePasswordInput).mutation(async ({ ctx, input }) => {
    const outcome = await ctx.tx((tx) => changePassword(tx, ctx.claims.tenantId, ctx.claims.userId, input, ctx.deps.now()));
    if (outcome === 'wrong_password') throw new DomainError('wrong_password', { message: 'The current password is wrong' });
    clearAuthCookies(ctx);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
