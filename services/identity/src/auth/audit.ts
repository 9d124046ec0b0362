import type { Tx } from '@tongxin/db';
import { auditEvents } from '../schema.ts';

export type AuditKind = (typeof auditEvents.kind.enumValues)[number];

/** Appends one audit row; never holds a password or token. */
export async function audit(
  tx: Tx,
  tenantId: string,
  kind: AuditKind,
  at: Date,
  who: { userId?: string | null; username?: string | null; ip?: string | null; actorUserId?: string | null; orgId?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditEvents).values({
    tenantId,
    kind,
    at,
    userId: who.userId ?? null,
    username: who.username ?? null,
    ip: who.ip ?? null,
    actorUserId: who.actorUserId ?? null,
    orgId: who.orgId ?? null,
    detail: who.detail ?? null,
  });
}
