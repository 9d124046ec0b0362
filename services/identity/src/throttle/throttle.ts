import { throttleStore, type Limit } from '@tongxin/db';
import { throttles } from '../schema.ts';

export type { Limit } from '@tongxin/db';

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

/** Identity's throttles (`identity.throttles`): the counting rule is @tongxin/db's `throttleStore`. */
export const { isThrottled, countHit } = throttleStore(throttles);
