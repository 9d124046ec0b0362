import { m } from './messages.ts';

/** The ledger is older than the staleness window (STALE_AFTER_DAYS): ask for a check. */
export function StaleNotice() {
  return (
    <div class="notice notice-error" role="note">
      <p>{m('staleNotice')}</p>
    </div>
  );
}
