import type { Tx } from '@tongxin/db';
import { maskPhone } from '@tongxin/sms';
import { desc, eq } from 'drizzle-orm';
import { messageDeliveries } from '../schema.ts';

/** The county's last deliveries, newest first, phones masked: enough to see that codes go out. */
export async function listDeliveries(tx: Tx, tenantId: string, limit = 100) {
  const rows = await tx
    .select()
    .from(messageDeliveries)
    .where(eq(messageDeliveries.tenantId, tenantId))
    .orderBy(desc(messageDeliveries.at), desc(messageDeliveries.id))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    phoneMasked: maskPhone(row.phone),
    provider: row.provider,
    status: row.status,
    providerMessageId: row.providerMessageId,
    errorCode: row.errorCode,
    at: row.at,
  }));
}
