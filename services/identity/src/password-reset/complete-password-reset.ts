import type { Tx } from '@tongxin/db';
import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { accountIsOpen } from '../auth/account-is-open.ts';
import { audit } from '../auth/audit.ts';
import { hashCode } from '../codes/single-use-code.ts';
import { hashPassword } from '../passwords/password-hash.ts';
import { credentials, loginAttempts, resetCodes, users } from '../schema.ts';
import { endUserSessions } from '../sessions/sessions.ts';
import { openSession } from '../sessions/start-session.ts';
import { tenantState } from '../tenants/manage-tenants.ts';
import { CLIENT_FAILURES, countHit, isThrottled } from '../throttle/throttle.ts';
import { resetClientKey, type ResetRefusal } from './request-password-reset.ts';

/** Wrong codes typed for one account before its pending codes end (issue 12). */
export const RESET_FAILURES_MAX = 5;

type Opened = Awaited<ReturnType<typeof openSession>>;

/**
 * Sets a new password with the code sent by SMS. Every code still pending for the account is
 * tried (two requests a minute apart send two codes; either works), and a wrong code counts
 * against all of them: five end them. Success ends every session of the account, clears a
 * login lock, uses the codes and opens a fresh session. Refusals are returned so the
 * counters commit; a wrong code and an unknown phone get the same answer.
 */
export async function completePasswordReset(
  tx: Tx,
  tenantId: string,
  input: { phone: string; code: string; newPassword: string; ip: string | null },
  now: Date,
): Promise<{ outcome: 'ok'; opened: Opened } | { outcome: ResetRefusal | 'invalid' }> {
  const state = await tenantState(tx, tenantId);
  if (state !== 'active') return { outcome: state === 'unknown' ? 'unknown_tenant' : 'suspended' };
  const client = resetClientKey(input.ip);
  if (await isThrottled(tx, tenantId, client, now)) return { outcome: 'throttled' };

  // A code sent before the account closed sets no password now: closed is as unknown.
  const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, input.phone), accountIsOpen));
  const pending = user
    ? await tx
        .select({ id: resetCodes.id, codeHash: resetCodes.codeHash })
        .from(resetCodes)
        .where(and(eq(resetCodes.tenantId, tenantId), eq(resetCodes.userId, user.id), isNull(resetCodes.usedAt), gt(resetCodes.expiresAt, now), lt(resetCodes.failures, RESET_FAILURES_MAX)))
        .for('update')
    : [];
  const typed = hashCode(input.code);
  const ids = pending.map((c) => c.id);
  if (!user || !pending.some((c) => c.codeHash === typed)) {
    if (ids.length > 0) await tx.update(resetCodes).set({ failures: sql`${resetCodes.failures} + 1` }).where(and(eq(resetCodes.tenantId, tenantId), inArray(resetCodes.id, ids)));
    await audit(tx, tenantId, 'reset_failed', now, { userId: user?.id ?? null, username: input.phone, ip: input.ip });
    return { outcome: (await countHit(tx, tenantId, client, CLIENT_FAILURES, now)) ? 'throttled' : 'invalid' };
  }

  const passwordHash = await hashPassword(input.newPassword);
  await tx
    .insert(credentials)
    .values({ tenantId, userId: user.id, passwordHash, changedAt: now })
    .onConflictDoUpdate({ target: [credentials.tenantId, credentials.userId], set: { passwordHash, changedAt: now } });
  await endUserSessions(tx, tenantId, user.id);
  await tx.update(resetCodes).set({ usedAt: now }).where(and(eq(resetCodes.tenantId, tenantId), inArray(resetCodes.id, ids)));
  await tx.update(loginAttempts).set({ failures: 0, lockedUntil: null }).where(and(eq(loginAttempts.tenantId, tenantId), eq(loginAttempts.username, input.phone)));
  await audit(tx, tenantId, 'password_reset', now, { userId: user.id, username: input.phone, ip: input.ip });
  return { outcome: 'ok', opened: await openSession(tx, tenantId, user.id, now) };
}
