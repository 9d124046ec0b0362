import { STALE_AFTER_DAYS, type MemberStatus } from '@tongxin/ledger';

/**
 * The ledger is what a mobile member reports home (brief "报告"), so staleness counts only
 * members away or out of contact: a resident has nothing to report and is never asked to
 * confirm (brief, burden rules). A ledger never confirmed (null) is stale.
 */
export const LEDGER_STATUSES: readonly MemberStatus[] = ['mobile', 'lost_contact'];

/** Confirmed before this instant = stale. */
export function staleCutoff(now: Date): Date {
  return new Date(now.getTime() - STALE_AFTER_DAYS * 24 * 60 * 60 * 1000);
}

export function isStale(status: MemberStatus, ledgerConfirmedAt: Date | null, now: Date): boolean {
  if (!LEDGER_STATUSES.includes(status)) return false;
  return ledgerConfirmedAt === null || ledgerConfirmedAt < staleCutoff(now);
}
