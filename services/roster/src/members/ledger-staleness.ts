import { LEDGER_STATUSES, STALE_AFTER_DAYS, type MemberStatus } from '@tongxin/ledger';

export { LEDGER_STATUSES };

/** Confirmed before this instant = stale. */
export function staleCutoff(now: Date): Date {
  return new Date(now.getTime() - STALE_AFTER_DAYS * 24 * 60 * 60 * 1000);
}

/** A ledger never confirmed (null) is stale. */
export function isStale(status: MemberStatus, ledgerConfirmedAt: Date | null, now: Date): boolean {
  if (!LEDGER_STATUSES.includes(status)) return false;
  return ledgerConfirmedAt === null || ledgerConfirmedAt < staleCutoff(now);
}
