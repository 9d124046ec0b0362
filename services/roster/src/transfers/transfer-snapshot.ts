import { maskIdCard } from '@tongxin/ledger';
import type { Caller } from '@tongxin/trpc';
import { isAcrossTenants, OPEN_STATUSES, type TransferRow } from './transfer-rules.ts';

/** What a snapshot keeps once its transfer is cancelled or refused: the orgs, for the trail (dates are in `steps`). */
const TRAIL_FIELDS = ['fromTenantId', 'fromBranch', 'fromTownship'] as const;

/** The snapshot with its personal fields erased: written when a transfer is cancelled or refused. */
export function erasedSnapshot(ledger: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(TRAIL_FIELDS.map((f) => [f, ledger[f] ?? null]));
}

/**
 * The snapshot as `caller` may read it (issue 13, class B). The ID-card number is masked for
 * every reader: a full read is `members.revealIdCard`, audited, on the member the caller's
 * own county holds. Another county reads the personal fields only while the transfer is open
 * and only at its deciding level (its department, which accepts); otherwise only the orgs.
 */
export function visibleSnapshot(t: Pick<TransferRow, 'tenantId' | 'toTenantId' | 'status' | 'ledger'>, caller: Caller): Record<string, unknown> {
  const receiver = isAcrossTenants(t) && caller.tenantId !== t.tenantId;
  if (receiver && !(caller.department && OPEN_STATUSES.includes(t.status))) return erasedSnapshot(t.ledger);
  const idCardNumber = t.ledger.idCardNumber;
  return { ...t.ledger, idCardNumber: typeof idCardNumber === 'string' ? maskIdCard(idCardNumber) : null };
}
