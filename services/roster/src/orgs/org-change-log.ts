import type { Tx } from '@tongxin/db';
import { and, eq, sql } from 'drizzle-orm';
import { orgChanges } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

export type OrgAction = 'created' | 'renamed' | 'moved' | 'closed' | 'updated';

export interface Actor {
  /** Null for system work (a county's first orgs, made from identity's `tenant_created`). */
  userId: string | null;
  now: Date;
}

/**
 * Serializes changes to one tenant's tree. They are rare (staff actions), and one lock
 * closes every race between checking a rule and writing: two moves making a cycle, a child
 * created under an org being closed, the same idempotency key arriving twice at once.
 */
export async function lockTree(tx: Tx, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`roster.orgs:${tenantId}`}))`);
}

/**
 * The org a retried request already changed, or null. A key reused for another org or
 * another kind of change is a CONFLICT, never applied twice nor silently ignored.
 */
export async function priorChange(tx: Tx, tenantId: string, idempotencyKey: string, action: OrgAction, orgId?: string) {
  const [done] = await tx
    .select({ orgId: orgChanges.orgId, action: orgChanges.action })
    .from(orgChanges)
    .where(and(eq(orgChanges.tenantId, tenantId), eq(orgChanges.idempotencyKey, idempotencyKey)));
  if (!done) return null;
  if (done.action !== action || (orgId !== undefined && done.orgId !== orgId)) {
    throw new DomainError('idempotency_key_reused', { message: 'This idempotency key was used for another change' });
  }
  return done;
}

export async function recordOrgChange(
  tx: Tx,
  tenantId: string,
  change: { orgId: string; action: OrgAction; before: unknown; after: unknown; idempotencyKey: string },
  actor: Actor,
): Promise<void> {
  await tx.insert(orgChanges).values({ tenantId, ...change, actorUserId: actor.userId, at: actor.now });
}
