import { For, Show } from 'solid-js';
import { format, t } from '@tongxin/i18n';
import { LEDGER_FIELDS } from '@tongxin/ledger';
import { m } from './messages.ts';
import type { Profile } from './profile.ts';

const muted = { color: 'var(--color-muted)', 'font-size': '0.9rem' };

/** Each ledger field with its value and when it was last entered or confirmed. */
export function LedgerFacts(props: { me: Profile }) {
  const confirmedAt = (iso: string | null | undefined) => (iso ? format(new Date(iso), { dateStyle: 'medium' }) : null);
  const lastConfirmed = () => {
    const date = confirmedAt(props.me.ledgerConfirmedAt);
    return date ? m('lastConfirmed', { date }) : m('neverConfirmed');
  };

  return (
    <>
      {/* One expression, not a <Show> child built once: it follows a new confirmation and the language. */}
      <p style={muted}>{lastConfirmed()}</p>
      {/* Stacked term and value: the longest labels do not fit beside a value on a 360-px phone. */}
      <dl style={{ margin: 0 }}>
        <For each={LEDGER_FIELDS}>
          {(field) => (
            <div style={{ padding: '0.5rem 0', 'border-bottom': '1px solid var(--color-border)' }}>
              <dt style={{ 'font-weight': 600 }}>{t(`ledger.${field}`)}</dt>
              <dd style={{ margin: 0, 'overflow-wrap': 'anywhere' }}>
                <Show when={props.me.ledger[field]} fallback={<span style={muted}>{m('notFilled')}</span>}>
                  {(value) => <span>{value()}</span>}
                </Show>
                <Show when={confirmedAt(props.me.fieldConfirmedAt?.[field])}>
                  {(date) => (
                    <span style={{ ...muted, display: 'block' }}>{m('fieldConfirmed', { date: date() })}</span>
                  )}
                </Show>
              </dd>
            </div>
          )}
        </For>
      </dl>
    </>
  );
}
