import type { Tx } from '@tongxin/db';
import { type Caller } from '@tongxin/trpc';
import { and, eq, isNull } from 'drizzle-orm';
import type { Subject } from '../mobility/find-subject.ts';
import { BRANCH_KINDS } from '../orgs/branch-kinds.ts';
import { orgDirectory, orgs, transfers } from '../schema.ts';
import { ledgerSnapshot } from './ledger-snapshot.ts';
import { step } from './transfer-rules.ts';
import { badField } from '@tongxin/errors';

export interface TransferRequest {
  toOrgId: string;
  toTenantId?: string | undefined;
  reason?: string | undefined;
  idempotencyKey: string;
}

/**
 * A member asks to move their membership (for themself), or a secretary asks for a member
 * in their subtree. Within the county the receiving branch is named now; to another county
 * the request names an entry of its directory (its department) and that county picks the
 * branch on acceptance. One open transfer per member (`transfers_open`).
 */
export async function requestTransfer(tx: Tx, caller: Caller, subject: Subject, input: TransferRequest, now: Date): Promise<{ transferId: string }> {
  const { member } = subject;
  const retried = await transferByKey(tx, member.tenantId, input.idempotencyKey);
  if (retried) return { transferId: retried };

  const toTenantId = input.toTenantId ?? member.tenantId;
  let toPath: string | null = null;
  let toBranchId: string | null = null;
  if (toTenantId === member.tenantId) {
    const [target] = await tx
      .select({ id: orgs.id, path: orgs.path, kind: orgs.kind })
      .from(orgs)
      .where(and(eq(orgs.tenantId, member.tenantId), eq(orgs.id, input.toOrgId), isNull(orgs.closedAt)));
    if (!target || !BRANCH_KINDS.includes(target.kind)) throw badField('toOrgId', 'not_an_open_branch');
    if (target.id === member.branchId) throw badField('toOrgId', 'already_in_branch');
    toPath = target.path;
    toBranchId = target.id;
  } else {
    const [entry] = await tx
      .select({ orgId: orgDirectory.orgId })
      .from(orgDirectory)
      .where(and(eq(orgDirectory.tenantId, toTenantId), eq(orgDirectory.orgId, input.toOrgId), isNull(orgDirectory.closedAt)));
    if (!entry) throw badField('toOrgId', 'org_not_found');
  }

  const [row] = await tx
    .insert(transfers)
    .values({
      tenantId: member.tenantId,
      memberId: member.id,
      fromBranchId: member.branchId,
      fromPath: member.orgPath,
      toTenantId,
      toOrgId: input.toOrgId,
      toPath,
      toBranchId,
      reason: input.reason ?? null,
      requestedBy: caller.userId,
      requestedByRole: subject.actor.role === 'member' ? 'member' : 'secretary',
      steps: [step('requested', caller, now, input.reason)],
      ledger: await ledgerSnapshot(tx, member),
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
      updatedAt: now,
    })
    // Either unique index may refuse the row: a concurrent retry (same key) or an open transfer.
    .onConflictDoNothing()
    .returning({ id: transfers.id });
  if (row) return { transferId: row.id };
  const raced = await transferByKey(tx, member.tenantId, input.idempotencyKey);
  if (raced) return { transferId: raced };
  throw badField('memberId', 'transfer_open');
}

async function transferByKey(tx: Tx, tenantId: string, idempotencyKey: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: transfers.id })
    .from(transfers)
    .where(and(eq(transfers.tenantId, tenantId), eq(transfers.idempotencyKey, idempotencyKey)));
  if (row) return row.id;
  return null;
}

