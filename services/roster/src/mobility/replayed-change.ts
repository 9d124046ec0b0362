import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { memberVersions } from '../schema.ts';

/**
 * The version a change with this idempotency key already wrote, if any. Actions that check
 * the member's state first (a return needs an open outflow) look here before checking, so
 * a retry of a request that succeeded answers as the first did instead of failing the check.
 */
export async function replayedChange(tx: Tx, tenantId: string, idempotencyKey: string) {
  const [done] = await tx
    .select({ memberId: memberVersions.memberId, version: memberVersions.version, action: memberVersions.action })
    .from(memberVersions)
    .where(and(eq(memberVersions.tenantId, tenantId), eq(memberVersions.idempotencyKey, idempotencyKey)));
  return done ?? null;
}
