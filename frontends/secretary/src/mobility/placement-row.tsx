import { Show } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { formatDate } from '../shared/format-date.ts';
import { t } from './messages.ts';

type Row = Awaited<ReturnType<typeof roster.mobility.placements.query>>[number];
type Decision = 'confirm' | 'dismiss';

/** One proposal; a pending one can be confirmed (when the township has a mobile-member branch) or dismissed. */
export function PlacementRow(props: { row: Row; onDecided: () => void }) {
  // A decision is idempotent on the server (a decided proposal stays decided): no key needed.
  const decide = createAction((decision: Decision) => roster.mobility.decidePlacement.mutate({ proposalId: props.row.id, decision }));
  const run = async (decision: Decision) => (await decide.run(decision)) && props.onDecided();

  return (
    <tr>
      <td>{props.row.name}</td>
      <td>{props.row.fromBranch}</td>
      <td>
        <Show when={props.row.toBranch} fallback={<span style={{ color: 'var(--color-muted)' }}>{t('noMobileBranch')}</span>}>
          {props.row.toBranch}
        </Show>
      </td>
      <td>{formatDate(props.row.awaySince)}</td>
      <td>
        <Show when={props.row.status === 'pending'} fallback={t(`status.${props.row.status}`)}>
          <div style={{ display: 'flex', gap: '0.5rem', 'flex-wrap': 'wrap', 'min-width': '12rem' }}>
            <Show when={props.row.toBranchId}>
              <button type="button" disabled={decide.pending()} aria-label={t('confirmName', { name: props.row.name, branch: props.row.toBranch ?? '' })} onClick={() => run('confirm')}>
                {t('confirm')}
              </button>
            </Show>
            <button type="button" class="secondary" disabled={decide.pending()} aria-label={t('dismissName', { name: props.row.name })} onClick={() => run('dismiss')}>
              {t('dismiss')}
            </button>
          </div>
          <Show when={decide.error()}>
            <ErrorNotice message={describeError(decide.error())} />
          </Show>
        </Show>
      </td>
    </tr>
  );
}
