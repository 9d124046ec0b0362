import type { Tx } from '@tongxin/db';
import { and, eq, sql } from 'drizzle-orm';
import { throttles } from '../schema.ts';

export interface Limit {
  /** Failures (or messages) allowed in one window. */
  max: number;
  windowMs: number;
  /** How long the subject stays refused once over the limit. */
  lockMs: number;
}

/** Failed logins and resets from one client address (issue 13 E: credential stuffing). */
export const CLIENT_FAILURES: Limit = { max: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/**
 * Failed activations from one client address. Codes are handed out at a branch meeting,
 * where thirty people share one Wi-Fi address and typos are many: 20 locked a whole meeting
 * out (a new user found it). A code has ~49 bits and locks itself after 5 wrong details, so
 * 200 a quarter-hour per address gives a guesser nothing.
 */
export const ACTIVATION_CLIENT_FAILURES: Limit = { max: 200, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/**
 * The throttle key of a client address. Requests whose address is unknown share one key:
 * an unknown address is not a way around the limit.
 */
export const clientKey = (purpose: string, ip: string | null) => `${purpose}:ip:${ip ?? 'unknown'}`;

/** True while `key` is locked. */
export async function isThrottled(tx: Tx, tenantId: string, key: string | null, now: Date): Promise<boolean> {
  if (!key) return false;
  const [row] = await tx.select({ lockedUntil: throttles.lockedUntil }).from(throttles).where(and(eq(throttles.tenantId, tenantId), eq(throttles.key, key)));
  return Boolean(row?.lockedUntil && row.lockedUntil > now);
}

/**
 * Counts one hit against `key` (a failure, a message sent) in one statement, so concurrent
 * hits cannot both slip under the limit. Returns true when this hit went over it (the key
 * is now locked for `lockMs`).
 */
export async function countHit(tx: Tx, tenantId: string, key: string | null, limit: Limit, now: Date): Promise<boolean> {
  if (!key) return false;
  const windowStart = sql`${new Date(now.getTime() - limit.windowMs).toISOString()}::timestamptz`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const lockUntil = new Date(now.getTime() + limit.lockMs);
  const [row] = await tx
    .insert(throttles)
    .values({ tenantId, key, count: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: [throttles.tenantId, throttles.key],
      set: {
        count: sql`case when ${throttles.windowStartedAt} < ${windowStart} then 1 else ${throttles.count} + 1 end`,
        windowStartedAt: sql`case when ${throttles.windowStartedAt} < ${windowStart} then ${at} else ${throttles.windowStartedAt} end`,
      },
    })
    .returning({ count: throttles.count });
  if ((row?.count ?? 0) <= limit.max) return false;
  await tx.update(throttles).set({ lockedUntil: lockUntil, count: 0, windowStartedAt: now }).where(and(eq(throttles.tenantId, tenantId), eq(throttles.key, key)));
  return true;
}
