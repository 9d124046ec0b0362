import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import type { Caller } from '@tongxin/trpc';
import { members, transfers, type TransferStatus } from '../schema.ts';
import { ledgerSnapshot } from './ledger-snapshot.ts';
import { loadTransfer } from './load-transfer.ts';
import { refuseOwnTransfer } from './refuse-own-transfer.ts';
import { nextStepFor, step } from './transfer-rules.ts';
import { DomainError } from '@tongxin/errors';

/**
 * Step 1 (origin branch) or step 2 (the township above it) of a transfer. The township's
 * approval sends the transfer, so the ledger snapshot is taken again then: the receiving
 * side gets the ledger as it stands when it is sent, not when it was asked for. Nobody
 * approves their own transfer: the department, the level above, does.
 */
export async function approveTransfer(tx: Tx, caller: Caller, transferId: string, note: string | undefined, now: Date): Promise<{ status: TransferStatus }> {
  const { transfer, originTownshipId } = await loadTransfer(tx, caller, transferId);
  if (nextStepFor(transfer, originTownshipId, caller) !== 'approve') {
    throw new DomainError('transfer_step_not_yours', { params: { status: transfer.status }, message: `The next step of this transfer (${transfer.status}) is not yours to approve` });
  }
  await refuseOwnTransfer(tx, caller, transfer);
  const status: TransferStatus = transfer.status === 'requested' ? 'origin_approved' : 'township_approved';
  let ledger = transfer.ledger;
  if (status === 'township_approved') {
    const [member] = await tx.select().from(members).where(and(eq(members.tenantId, transfer.tenantId), eq(members.id, transfer.memberId)));
    if (member) ledger = await ledgerSnapshot(tx, member);
  }
  await tx
    .update(transfers)
    .set({ status, ledger, steps: [...transfer.steps, step(status, caller, now, note)], updatedAt: now })
    .where(and(eq(transfers.tenantId, transfer.tenantId), eq(transfers.id, transfer.id)));
  return { status };
}
