import type { Tx } from '@tongxin/db';
import { notifications } from '../schema.ts';

/**
 * A message in a user's in-app inbox. The dedupe key names its cause, so a retried write
 * never sends it twice.
 */
export async function notifyUser(
  tx: Tx,
  tenantId: string,
  message: { userId: string; kind: string; title: string; body?: string | null; subject: { type: string; id: string }; dedupeKey: string },
): Promise<void> {
  await tx.insert(notifications).values({ tenantId, ...message, body: message.body ?? null }).onConflictDoNothing();
}
