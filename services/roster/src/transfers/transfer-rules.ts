import type { TransferStatus } from '../schema.ts';
import type { transfers } from '../schema.ts';
import type { Caller } from '@tongxin/trpc';

export type TransferRow = typeof transfers.$inferSelect;
export type TransferStep = TransferRow['steps'][number];

export const OPEN_STATUSES: readonly TransferStatus[] = ['requested', 'origin_approved', 'township_approved'];

export const isAcrossTenants = (t: Pick<TransferRow, 'tenantId' | 'toTenantId'>) => t.tenantId !== t.toTenantId;

/**
 * 组织关系转接 runs in three steps after the request: the origin branch approves, then the
 * township committee above it, then the receiving side accepts (the receiving branch within a
 * county; the receiving county's department across counties, which also picks the branch).
 * The department of the origin county may take either approval. Returns what the caller may
 * do next on this transfer, or null when the next step is not theirs.
 */
export function nextStepFor(t: TransferRow, originTownshipId: string | null, caller: Caller): 'approve' | 'accept' | null {
  const origin = caller.tenantId === t.tenantId;
  switch (t.status) {
    case 'requested':
      return origin && (caller.department || caller.orgIds.includes(t.fromBranchId)) ? 'approve' : null;
    case 'origin_approved':
      return origin && (caller.department || (originTownshipId !== null && caller.orgIds.includes(originTownshipId))) ? 'approve' : null;
    case 'township_approved':
      if (isAcrossTenants(t)) return caller.tenantId === t.toTenantId && caller.department ? 'accept' : null;
      return origin && (caller.department || (t.toBranchId !== null && caller.orgIds.includes(t.toBranchId))) ? 'accept' : null;
    default:
      return null;
  }
}

export const step = (name: TransferStatus, caller: Caller, now: Date, note?: string | null): TransferStep => ({
  step: name,
  by: caller.userId,
  at: now.toISOString(),
  ...(note ? { note } : {}),
});
