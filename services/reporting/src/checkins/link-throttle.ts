import type { Tx } from '@tongxin/db';
import { and, eq, sql } from 'drizzle-orm';
import { throttles } from '../schema.ts';

/**
 * Unknown links opened from one client address (issue 17: the public answer must be safe
 * against guessing). A token has 160 bits, so guessing is hopeless anyway; the limit keeps a
 * scanner from using the page as an oracle at all, as identity limits its public pages
 * (`CLIENT_FAILURES`: 20 a quarter-hour, locked for a quarter-hour).
 */
export const LINK_CLIENT_FAILURES = { max: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** The throttle key of a client address; requests without a known address share one key. */
export const linkClientKey = (ip: string | null) => `checkin-link:ip:${ip ?? 'unknown'}`;

export async function isLinkThrottled(tx: Tx, tenantId: string, key: string, now: Date): Promise<boolean> {
  const [row] = await tx.select({ lockedUntil: throttles.lockedUntil }).from(throttles).where(and(eq(throttles.tenantId, tenantId), eq(throttles.key, key)));
  return Boolean(row?.lockedUntil && row.lockedUntil > now);
}

/**
 * One failure against `key`, counted in one statement so concurrent failures cannot both slip
 * under the limit; over it, the key is locked for `lockMs`.
 */
export async function countLinkFailure(tx: Tx, tenantId: string, key: string, now: Date, limit = LINK_CLIENT_FAILURES): Promise<void> {
  const windowStart = sql`${new Date(now.getTime() - limit.windowMs).toISOString()}::timestamptz`;
  const at = sql`${now.toISOString()}::timestamptz`;
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
  if ((row?.count ?? 0) <= limit.max) return;
  await tx
    .update(throttles)
    .set({ lockedUntil: new Date(now.getTime() + limit.lockMs), count: 0, windowStartedAt: now })
    .where(and(eq(throttles.tenantId, tenantId), eq(throttles.key, key)));
}
