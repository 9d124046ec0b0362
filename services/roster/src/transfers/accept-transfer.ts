import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS, type TransferAccepted } from '@tongxin/events';
import { DECIDES_ABOUT_ONESELF, type Caller } from '@tongxin/trpc';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { changeMember } from '../ledger/change-member.ts';
import { widenOrgScope } from '../mobility/widen-org-scope.ts';
import { createMember, type NewMember } from '../members/create-member.ts';
import { BRANCH_KINDS } from '../orgs/branch-kinds.ts';
import { members, orgs, outbox, placementProposals, transfers, type TransferStatus } from '../schema.ts';
import { SENT_FIELDS } from './ledger-snapshot.ts';
import { loadTransfer } from './load-transfer.ts';
import { refuseOwnTransfer } from './refuse-own-transfer.ts';
import { isAcrossTenants, nextStepFor, step, type TransferRow } from './transfer-rules.ts';
import { DomainError, badField } from '@tongxin/errors';

export const TRANSFER_ACCEPTED = TOPICS.roster.transferAccepted;

/**
 * The last step. Within a county the member moves to the receiving branch (version
 * 'transfer'); across counties the receiving department picks the branch, the member is
 * created there from the sent snapshot, and `roster.transfer_accepted` tells the origin to
 * close its record (see jobs.ts). Nobody accepts their own transfer: the department does.
 */
export async function acceptTransfer(
  tx: Tx,
  caller: Caller,
  input: { transferId: string; toBranchId?: string | undefined },
  now: Date,
): Promise<{ status: TransferStatus; memberId: string }> {
  const { transfer, originTownshipId } = await loadTransfer(tx, caller, input.transferId);
  const across = isAcrossTenants(transfer);
  if (transfer.status === 'accepted') return { status: 'accepted', memberId: across ? transfer.newMemberId! : transfer.memberId };
  if (transfer.status !== 'township_approved') throw badField('transferId', 'transfer_not_approved', { status: transfer.status });
  if (nextStepFor(transfer, originTownshipId, caller) !== 'accept') {
    throw new DomainError('transfer_step_not_yours', { message: 'Only the receiving side accepts a transfer' });
  }
  await refuseOwnTransfer(tx, caller, transfer);
  return across ? acceptFromAnotherCounty(tx, caller, transfer, input.toBranchId, now) : acceptWithinCounty(tx, caller, transfer, input.toBranchId, now);
}

async function acceptWithinCounty(tx: Tx, caller: Caller, transfer: TransferRow, toBranchId: string | undefined, now: Date) {
  if (toBranchId && toBranchId !== transfer.toBranchId) throw badField('toBranchId', 'branch_already_named');
  const [branch] = await tx.select().from(orgs).where(and(eq(orgs.tenantId, transfer.tenantId), eq(orgs.id, transfer.toBranchId!)));
  if (!branch || branch.closedAt) throw badField('transferId', 'branch_closed');
  // The receiving secretary cannot see the member in the origin branch: the approved
  // transfer, which they can see, entitles them to this one move.
  await widenOrgScope(tx, caller, [transfer.fromBranchId]);
  await changeMember(tx, transfer.tenantId, transfer.memberId, {
    action: 'transfer',
    set: { branchId: branch.id, orgPath: branch.path },
    actor: { userId: caller.userId, role: caller.department ? 'department' : 'secretary' },
    now,
    idempotencyKey: `transfer-${transfer.id}`,
  });
  // A placement proposed for the old branch no longer applies.
  await tx
    .update(placementProposals)
    .set({ status: 'dismissed', decidedAt: now, decidedBy: caller.userId, note: 'transferred' })
    .where(and(eq(placementProposals.tenantId, transfer.tenantId), eq(placementProposals.memberId, transfer.memberId), eq(placementProposals.status, 'pending')));
  await finish(tx, caller, transfer, { toPath: branch.path }, now);
  return { status: 'accepted' as const, memberId: transfer.memberId };
}

async function acceptFromAnotherCounty(tx: Tx, caller: Caller, transfer: TransferRow, toBranchId: string | undefined, now: Date) {
  if (!toBranchId) throw badField('toBranchId', 'required');
  const [branch] = await tx
    .select()
    .from(orgs)
    .where(and(eq(orgs.tenantId, caller.tenantId), eq(orgs.id, toBranchId), isNull(orgs.closedAt)));
  if (!branch || !BRANCH_KINDS.includes(branch.kind)) throw badField('toBranchId', 'not_an_open_branch');
  const sent = transfer.ledger;
  const idCardNumber = typeof sent.idCardNumber === 'string' ? sent.idCardNumber : null;
  if (idCardNumber) {
    const [existing] = await tx.select({ id: members.id }).from(members).where(and(eq(members.tenantId, caller.tenantId), eq(members.idCardNumber, idCardNumber)));
    if (existing) throw badField('transferId', 'id_card_taken');
  }
  const fields = Object.fromEntries(SENT_FIELDS.map((f) => [f, sent[f] ?? null]));
  const newMember: NewMember = {
    ...(fields as Partial<NewMember>),
    // Only a mobile member stays mobile; the sent record was open, so anything else is resident.
    status: sent.status === 'mobile' ? 'mobile' : 'resident',
    awayReason: sent.status === 'mobile' ? (fields.awayReason as NewMember['awayReason']) : null,
    name: String(sent.name),
    branchId: branch.id,
    branchPath: branch.path,
    idempotencyKey: `transfer-in-${transfer.id}`,
  };
  const { id: newMemberId } = await createMember(tx, caller.tenantId, newMember, { userId: caller.userId, role: 'department' }, now);
  await acceptAsReceivingCounty(tx, transfer, branch.id, newMemberId, now);
  const event: TransferAccepted = {
    transferId: transfer.id, originTenantId: transfer.tenantId, memberId: transfer.memberId, newTenantId: caller.tenantId, newMemberId,
  };
  await recordEvent(tx, outbox, caller.tenantId, TRANSFER_ACCEPTED, event);
  return { status: 'accepted' as const, memberId: newMemberId };
}

/**
 * The transfer row is the origin county's, which alone updates it (issue 13 D): the receiving
 * county's acceptance is `roster.accept_transfer_from_county` (accept-transfer-from-county.sql), which checks the
 * receiving side, the step and the branch again and reads the branch's path itself. Its
 * refusals map to the answers the checks above give (reached only in a race).
 */
async function acceptAsReceivingCounty(tx: Tx, transfer: TransferRow, toBranchId: string, newMemberId: string, now: Date) {
  const { rows } = await tx.execute(
    sql`select roster.accept_transfer_from_county(${transfer.id}::uuid, ${toBranchId}::uuid, ${newMemberId}::uuid, ${now.toISOString()}::timestamptz) as outcome`,
  );
  const outcome = (rows[0] as { outcome: string }).outcome;
  if (outcome === 'accepted') return;
  if (outcome === 'decides_about_oneself') throw new DomainError('decides_about_oneself', { message: DECIDES_ABOUT_ONESELF });
  if (outcome === 'not_approved') throw badField('transferId', 'transfer_not_approved');
  if (outcome === 'not_a_branch' || outcome === 'no_member') throw badField('toBranchId', 'not_an_open_branch');
  throw new DomainError('transfer_not_found', { message: 'No such transfer' });
}

async function finish(tx: Tx, caller: Caller, transfer: TransferRow, set: Partial<TransferRow>, now: Date) {
  await tx
    .update(transfers)
    .set({ ...set, status: 'accepted', steps: [...transfer.steps, step('accepted', caller, now)], updatedAt: now })
    .where(and(eq(transfers.tenantId, transfer.tenantId), eq(transfers.id, transfer.id)));
}
