import { format } from '@tongxin/i18n';
import { m } from '../messages.ts';

export const percent = (share: number) => format(share, { style: 'percent', maximumFractionDigits: 0 });

/** How many ledgers in the current scope wait for confirmation (older than 30 days). */
export function StalenessSummary(props: { total: { members: number; stale: number; share: number } }) {
  return (
    <p class="staleness">
      {m('staleness.total', { stale: format(props.total.stale), members: format(props.total.members), share: percent(props.total.share) })}
    </p>
  );
}
