import type { Tx } from '@tongxin/db';
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '@tongxin/trpc';
import { transfers } from '../schema.ts';
import type { TransferRow } from './transfer-rules.ts';
import { DomainError } from '@tongxin/errors';

/**
 * The nearest township (or street) committee above the origin branch: who takes step 2.
 * Written out qualified: drizzle renders a bare column inside a select's subquery unqualified,
 * which would then name the subquery's own column.
 */
export const originTownshipId = sql<string | null>`(
  select tw.id from roster.orgs tw
  where tw.tenant_id = transfers.tenant_id and tw.kind in ('township', 'street') and transfers.from_path like tw.path || '%'
  order by length(tw.path) desc limit 1)`;

/**
 * RLS lets the receiving county read a transfer addressed to it from the request on; it is
 * sent there only once the origin township has approved, so before that the receiving side
 * sees nothing (the member's ledger stays at home while home may still say no).
 */
export const sentOrOwn = (caller: Caller) =>
  or(eq(transfers.tenantId, caller.tenantId), sql`${transfers.steps} @> '[{"step":"township_approved"}]'::jsonb`);

export interface LoadedTransfer {
  transfer: TransferRow;
  originTownshipId: string | null;
}

/**
 * A transfer the caller may see (RLS and `sentOrOwn`); else NOT_FOUND. Locked for a change
 * when it is the caller's county's own: FOR UPDATE applies the UPDATE policy, which a
 * receiving county does not pass (issue 13 D), so its functions (accept_transfer_from_county,
 * reject_transfer_from_county) lock the row themselves and re-check its step.
 */
export async function loadTransfer(tx: Tx, caller: Caller, transferId: string): Promise<LoadedTransfer> {
  const query = (where: SQL | undefined) => tx.select({ transfer: transfers, originTownshipId }).from(transfers).where(and(eq(transfers.id, transferId), where));
  const [own] = await query(eq(transfers.tenantId, caller.tenantId)).for('update');
  const [row] = own ? [own] : await query(sentOrOwn(caller));
  if (!row) throw new DomainError('transfer_not_found', { message: 'No such transfer' });
  return row;
}
