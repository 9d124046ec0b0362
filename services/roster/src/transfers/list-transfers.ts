import { inOrgScope, type Tx } from '@tongxin/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Caller } from '@tongxin/trpc';
import { members, orgDirectory, orgs, transfers, type TransferStatus } from '../schema.ts';
import { originTownshipId, sentOrOwn } from './load-transfer.ts';
import { isAcrossTenants, nextStepFor, type TransferRow, type TransferStep } from './transfer-rules.ts';
import { visibleSnapshot } from './transfer-snapshot.ts';
import { DomainError } from '@tongxin/errors';

export interface TransferSummary {
  id: string;
  memberName: string;
  fromBranch: string | null;
  toTenantId: string;
  toName: string | null;
  status: TransferStatus;
  steps: TransferStep[];
  createdAt: Date;
  needsMyAction: boolean;
  direction: 'outgoing' | 'incoming';
}

const toOrg = alias(orgs, 'to_org');
const originMember = alias(members, 'origin_member');
const newMember = alias(members, 'new_member');

function selectTransfers(tx: Tx) {
  return tx
    .select({
      transfer: transfers,
      originTownshipId,
      // The receiving org's name: from the tree within the caller's county, else from the
      // directory (the origin cannot read another county's tree).
      toName: sql<string | null>`coalesce(${toOrg.name}, ${orgDirectory.name})`,
      // The member's name from a member row the caller's own county holds (RLS): the origin's
      // record, or the one an accepted transfer created; a closed snapshot keeps no name.
      heldName: sql<string | null>`coalesce(${originMember.name}, ${newMember.name})`,
    })
    .from(transfers)
    .leftJoin(originMember, and(eq(originMember.tenantId, transfers.tenantId), eq(originMember.id, transfers.memberId)))
    .leftJoin(newMember, and(eq(newMember.tenantId, transfers.toTenantId), eq(newMember.id, transfers.newMemberId)))
    .leftJoin(toOrg, and(eq(toOrg.tenantId, transfers.toTenantId), eq(toOrg.id, transfers.toOrgId)))
    .leftJoin(orgDirectory, and(eq(orgDirectory.tenantId, transfers.toTenantId), eq(orgDirectory.orgId, transfers.toOrgId)));
}

function direction(t: TransferRow, caller: Caller): 'outgoing' | 'incoming' {
  if (isAcrossTenants(t)) return t.toTenantId === caller.tenantId ? 'incoming' : 'outgoing';
  return !caller.department && inOrgScope(t.toPath, caller.orgIds) && !inOrgScope(t.fromPath, caller.orgIds) ? 'incoming' : 'outgoing';
}

type Row = { transfer: TransferRow; originTownshipId: string | null; toName: string | null; heldName: string | null };

function summarize(row: Row, caller: Caller, snapshot = visibleSnapshot(row.transfer, caller)): TransferSummary {
  const t = row.transfer;
  return {
    id: t.id,
    // The receiving county cannot read the origin's rows: while open, the name comes from the snapshot.
    memberName: String(row.heldName ?? snapshot.name ?? ''),
    fromBranch: (snapshot.fromBranch as string | null) ?? null,
    toTenantId: t.toTenantId,
    toName: row.toName,
    status: t.status,
    steps: t.steps,
    createdAt: t.createdAt,
    needsMyAction: nextStepFor(t, row.originTownshipId, caller) !== null,
    direction: direction(t, caller),
  };
}

/** Transfers the caller sees (their scope on either end, or their own), newest first. */
export async function listInbox(tx: Tx, caller: Caller): Promise<TransferSummary[]> {
  const rows = await selectTransfers(tx).where(sentOrOwn(caller)).orderBy(desc(transfers.createdAt)).limit(200);
  return rows.map((row) => summarize(row, caller));
}

/**
 * One transfer with what was sent (the ledger snapshot, as `visibleSnapshot` lets the caller
 * read it: ID-card number masked); NOT_FOUND outside the caller's sight.
 */
export async function getTransfer(tx: Tx, caller: Caller, transferId: string) {
  const [row] = await selectTransfers(tx).where(and(eq(transfers.id, transferId), sentOrOwn(caller)));
  if (!row) throw new DomainError('transfer_not_found', { message: 'No such transfer' });
  const t = row.transfer;
  const snapshot = visibleSnapshot(t, caller);
  return {
    ...summarize(row, caller, snapshot),
    memberId: t.memberId,
    fromBranchId: t.fromBranchId,
    toOrgId: t.toOrgId,
    toBranchId: t.toBranchId,
    reason: t.reason,
    requestedByRole: t.requestedByRole,
    newMemberId: t.newMemberId,
    ledger: snapshot,
    updatedAt: t.updatedAt,
  };
}
