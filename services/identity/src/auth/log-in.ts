import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { dummyPasswordHash, verifyPassword } from '../passwords/password-hash.ts';
import { credentials, loginAttempts, users } from '../schema.ts';
import { createSession } from '../sessions/sessions.ts';
import { CLIENT_FAILURES, clientKey, countHit, isThrottled } from '../throttle/throttle.ts';
import { accountIsOpen } from './account-is-open.ts';
import { audit } from './audit.ts';
import { loadUser, type UserWithRoles } from './load-user.ts';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;

export type LogInResult =
  | { outcome: 'ok'; token: string; user: UserWithRoles }
  | { outcome: 'invalid' }
  | { outcome: 'locked'; until: Date };

/**
 * Checks a password and opens a session. Failures are counted per typed username, whether
 * or not it exists, and five lock it for 15 minutes; the answer never says which part was wrong.
 * Returns (rather than throws) failures so the counter and the audit row commit.
 */
export async function logIn(
  tx: Tx,
  tenantId: string,
  input: { username: string; password: string; ip: string | null },
  now: Date,
): Promise<LogInResult> {
  const who = { username: input.username, ip: input.ip };
  // Many usernames from one client (credential stuffing) are slowed per client address too.
  const client = clientKey('login', input.ip);
  if (await isThrottled(tx, tenantId, client, now)) {
    await audit(tx, tenantId, 'throttled', now, who);
    return { outcome: 'locked', until: new Date(now.getTime() + LOCK_MS) };
  }
  // One round trip: the username's attempt row, created if new, locked (as FOR UPDATE would) till commit.
  const [attempts] = await tx
    .insert(loginAttempts)
    .values({ tenantId, username: input.username })
    .onConflictDoUpdate({ target: [loginAttempts.tenantId, loginAttempts.username], set: { username: input.username } })
    .returning();
  if (attempts?.lockedUntil && attempts.lockedUntil > now) {
    await audit(tx, tenantId, 'login_refused_locked', now, who);
    return { outcome: 'locked', until: attempts.lockedUntil };
  }

  const [account] = await tx
    .select({ userId: users.id, passwordHash: credentials.passwordHash, open: accountIsOpen })
    .from(users)
    .innerJoin(credentials, and(eq(credentials.tenantId, users.tenantId), eq(credentials.userId, users.id)))
    .where(and(eq(users.tenantId, tenantId), eq(users.username, input.username)));
  const valid = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password);
  // A closed account with its right password is refused as a wrong one would be (account-is-open.ts).
  const closed = Boolean(account && valid && !account.open);

  if (!account || !valid || closed) {
    const recent = attempts?.lastFailedAt && now.getTime() - attempts.lastFailedAt.getTime() < LOCK_MS;
    const failures = (recent ? attempts.failures : 0) + 1;
    const locks = failures >= MAX_FAILURES;
    const until = new Date(now.getTime() + LOCK_MS);
    await tx
      .update(loginAttempts)
      .set(locks ? { failures: 0, lastFailedAt: now, lockedUntil: until } : { failures, lastFailedAt: now })
      .where(and(eq(loginAttempts.tenantId, tenantId), eq(loginAttempts.username, input.username)));
    await audit(tx, tenantId, 'login_failed', now, { ...who, userId: account?.userId ?? null, ...(closed ? { detail: { reason: 'account_closed' } } : {}) });
    await countHit(tx, tenantId, client, CLIENT_FAILURES, now);
    if (!locks) return { outcome: 'invalid' };
    await audit(tx, tenantId, 'locked', now, { ...who, userId: account?.userId ?? null });
    return { outcome: 'locked', until };
  }

  if (attempts?.failures || attempts?.lockedUntil) {
    await tx
      .update(loginAttempts)
      .set({ failures: 0, lockedUntil: null })
      .where(and(eq(loginAttempts.tenantId, tenantId), eq(loginAttempts.username, input.username)));
  }
  const { token } = await createSession(tx, tenantId, account.userId, now);
  const user = await loadUser(tx, tenantId, account.userId);
  if (!user) throw new Error('user vanished during login');
  await audit(tx, tenantId, 'login', now, { ...who, userId: account.userId });
  return { outcome: 'ok', token, user };
}
