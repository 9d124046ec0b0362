import { and, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { activationCodes, people } from '../schema.ts';

/** Where a member stands with their account, as the accounts pages show it. */
export type AccountState = 'active' | 'pending' | 'none' | 'no_phone';

/** A code that can still be redeemed (a code locked for 15 minutes is still pending). */
export const liveCode = (now: Date): SQL =>
  and(isNull(activationCodes.usedAt), isNull(activationCodes.revokedAt), gt(activationCodes.expiresAt, now))!;

const pendingCode = (now: Date) =>
  sql`exists (select 1 from ${activationCodes} where ${activationCodes.tenantId} = ${people.tenantId} and ${activationCodes.memberId} = ${people.memberId} and ${liveCode(now)})`;

/**
 * One member's state in SQL: an account, else no phone on the ledger (no code can reach them
 * and the phone is the username), else a code waiting, else nothing yet.
 */
export const accountState = (now: Date) => sql<AccountState>`case
  when ${people.userId} is not null then 'active'
  when ${people.phone} is null then 'no_phone'
  when ${pendingCode(now)} then 'pending'
  else 'none' end`;
