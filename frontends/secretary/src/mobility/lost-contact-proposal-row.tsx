import { For, Show, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { LOST_CONTACT_REASONS } from '@tongxin/ledger';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { m } from '../messages.ts';
import { formatDate } from '../shared/format-date.ts';
import { t } from './messages.ts';
import { LastContact, type ContactSource } from '../shared/last-contact.tsx';

type Row = Awaited<ReturnType<typeof roster.mobility.lostContactProposals.query>>[number];
type Decision = 'confirm' | 'dismiss';

/** One 失联 proposal: confirm it with the register's reason code, or dismiss it. */
export function LostContactProposalRow(props: { row: Row; onDecided: (decision: Decision) => void }) {
  const [reason, setReason] = createSignal<number | undefined>();
  // A decision is idempotent on the server (a decided proposal stays decided): no key needed.
  const decide = createAction((decision: Decision) =>
    roster.mobility.decideLostContact.mutate({ proposalId: props.row.id, decision, ...(decision === 'confirm' ? { reason: reason() } : {}) }),
  );
  const run = async (decision: Decision) => (await decide.run(decision)) && props.onDecided(decision);
  const reasonId = () => `lost-reason-${props.row.id}`;

  return (
    <tr>
      <td>{props.row.name}</td>
      <td>{props.row.branch}</td>
      <td>
        <Show when={props.row.source === 'no_contact'} fallback={props.row.periods.join(t('periodSeparator'))}>
          {t('sixMonthsNoContact')}
          <LastContact at={props.row.lastContactAt} source={props.row.lastContactSource as ContactSource | null} enteredAt={props.row.enteredAt} />
        </Show>
      </td>
      <td>{formatDate(props.row.proposedAt)}</td>
      <td>
        <Show when={props.row.status === 'pending'} fallback={t(`lostStatus.${props.row.status}`)}>
          <div style={{ display: 'flex', gap: '0.5rem', 'flex-wrap': 'wrap', 'align-items': 'end', 'min-width': '15rem' }}>
            <div class="field">
              <label for={reasonId()}>{t('reason')}</label>
              <select
                id={reasonId()}
                value={reason() ?? ''}
                aria-invalid={decide.fields().reason ? 'true' : undefined}
                onChange={(event) => setReason(event.currentTarget.value ? Number(event.currentTarget.value) : undefined)}
              >
                <option value="">{t('chooseReason')}</option>
                <For each={LOST_CONTACT_REASONS}>{(code) => <option value={code}>{`${code}. ${m(`reason.${code}`)}`}</option>}</For>
              </select>
            </div>
            <button type="button" disabled={decide.pending() || !reason()} aria-label={t('confirmLostName', { name: props.row.name })} onClick={() => run('confirm')}>
              {t('confirmLost')}
            </button>
            <button type="button" class="secondary" disabled={decide.pending()} aria-label={t('dismissLostName', { name: props.row.name })} onClick={() => run('dismiss')}>
              {t('dismissLost')}
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
