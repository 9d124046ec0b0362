import type { Tx } from '@tongxin/db';
import { DECIDES_ABOUT_ONESELF, type Caller } from '@tongxin/trpc';
import { and, eq, sql } from 'drizzle-orm';
import { transfers, type TransferStatus } from '../schema.ts';
import { loadTransfer } from './load-transfer.ts';
import { refuseOwnTransfer } from './refuse-own-transfer.ts';
import { nextStepFor, OPEN_STATUSES, step, type TransferRow } from './transfer-rules.ts';
import { erasedSnapshot } from './transfer-snapshot.ts';
import { DomainError, badField } from '@tongxin/errors';

/** Whoever holds the next step may refuse it, with a reason the requester sees; nobody refuses their own. */
export async function rejectTransfer(tx: Tx, caller: Caller, transferId: string, reason: string, now: Date): Promise<{ status: TransferStatus }> {
  const { transfer, originTownshipId } = await loadTransfer(tx, caller, transferId);
  if (transfer.status === 'rejected') return { status: 'rejected' };
  if (!OPEN_STATUSES.includes(transfer.status)) throw badField('transferId', 'already_decided', { status: transfer.status });
  if (nextStepFor(transfer, originTownshipId, caller) === null) {
    throw new DomainError('transfer_step_not_yours', { message: 'The next step of this transfer is not yours' });
  }
  await refuseOwnTransfer(tx, caller, transfer);
  if (transfer.tenantId !== caller.tenantId) return rejectAsReceivingCounty(tx, transfer, reason, now);
  return close(tx, transfer, 'rejected', step('rejected', caller, now, reason), now);
}

/**
 * The transfer row is the origin county's, which alone updates it (issue 13 D): the receiving
 * county refuses through `roster.reject_transfer_from_county` (reject-transfer-from-county.sql), which checks the
 * receiving side and the step again and erases the snapshot as `close` does.
 */
async function rejectAsReceivingCounty(tx: Tx, transfer: TransferRow, reason: string, now: Date): Promise<{ status: TransferStatus }> {
  const { rows } = await tx.execute(
    sql`select roster.reject_transfer_from_county(${transfer.id}::uuid, ${reason}::text, ${now.toISOString()}::timestamptz) as outcome`,
  );
  const outcome = (rows[0] as { outcome: string }).outcome;
  if (outcome === 'rejected') return { status: 'rejected' };
  if (outcome === 'decides_about_oneself') throw new DomainError('decides_about_oneself', { message: DECIDES_ABOUT_ONESELF });
  if (outcome === 'not_open') throw badField('transferId', 'transfer_not_open');
  if (outcome === 'reason_required') throw badField('reason', 'required');
  throw new DomainError('transfer_not_found', { message: 'No such transfer' });
}

/** The requester withdraws an open transfer. */
export async function cancelTransfer(tx: Tx, caller: Caller, transferId: string, now: Date): Promise<{ status: TransferStatus }> {
  const { transfer } = await loadTransfer(tx, caller, transferId);
  if (transfer.tenantId !== caller.tenantId || transfer.requestedBy !== caller.userId) {
    throw new DomainError('transfer_step_not_yours', { message: 'Only the requester may cancel a transfer' });
  }
  if (transfer.status === 'cancelled') return { status: 'cancelled' };
  if (!OPEN_STATUSES.includes(transfer.status)) throw badField('transferId', 'already_decided', { status: transfer.status });
  return close(tx, transfer, 'cancelled', step('cancelled', caller, now), now);
}

async function close(tx: Tx, transfer: typeof transfers.$inferSelect, status: TransferStatus, last: ReturnType<typeof step>, now: Date) {
  await tx
    .update(transfers)
    // The member's personal fields do not outlive a transfer that did not happen.
    .set({ status, steps: [...transfer.steps, last], ledger: erasedSnapshot(transfer.ledger), updatedAt: now })
    .where(and(eq(transfers.tenantId, transfer.tenantId), eq(transfers.id, transfer.id)));
  return { status };
}
