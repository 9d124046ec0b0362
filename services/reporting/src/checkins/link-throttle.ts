import { throttleStore, type Tx } from '@tongxin/db';
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

const store = throttleStore(throttles);

export const isLinkThrottled = (tx: Tx, tenantId: string, key: string, now: Date) => store.isThrottled(tx, tenantId, key, now);

/** One failure against `key` (@tongxin/db's `throttleStore`: one statement, locked for `lockMs` once over the limit). */
export async function countLinkFailure(tx: Tx, tenantId: string, key: string, now: Date, limit = LINK_CLIENT_FAILURES): Promise<void> {
  await store.countHit(tx, tenantId, key, limit, now);
}
