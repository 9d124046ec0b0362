import { For, Show } from 'solid-js';
import { t } from '@tongxin/i18n';
import { LEDGER_FIELDS, LEDGER_STATUSES, STALE_AFTER_DAYS, type LedgerField } from '@tongxin/ledger';
import { m } from '../messages.ts';
import { formatDate } from '../shared/format-date.ts';
import type { MemberRecord } from './roster-api.ts';

const DAY = 86_400_000;

/**
 * Each ledger field with when it was last confirmed; older than 30 days (or never) is marked,
 * for members whose ledger is kept (away or lost contact), not residents.
 */
export function LedgerFacts(props: { member: MemberRecord }) {
  const confirmedAt = (field: LedgerField) => props.member.fieldConfirmedAt[field] ?? null;
  const fieldStale = (field: LedgerField) => {
    if (!LEDGER_STATUSES.includes(props.member.status)) return false;
    const at = confirmedAt(field);
    return !at || Date.now() - new Date(at).getTime() > STALE_AFTER_DAYS * DAY;
  };
  return (
    <section aria-labelledby="member-ledger">
      <h2 id="member-ledger">{m('member.ledger')}</h2>
      <p class="muted">
        {m('member.ledgerConfirmedAt', { date: formatDate(props.member.ledgerConfirmedAt) || m('member.neverConfirmed') })}
      </p>
      <Show when={props.member.stale}>
        <p class="notice notice-warn">{m('member.ledgerStale')}</p>
      </Show>
      <dl class="facts ledger-facts">
        <For each={LEDGER_FIELDS}>
          {(field) => (
            <>
              <dt>{t(`ledger.${field}`)}</dt>
              <dd>
                <span>{(field === 'awaySince' ? formatDate(props.member.ledger[field]) : props.member.ledger[field]) || m('member.empty')}</span>
                <span class="confirmed muted">
                  {confirmedAt(field) ? m('member.confirmedAt', { date: formatDate(confirmedAt(field)) }) : m('member.neverConfirmed')}
                </span>
                <Show when={fieldStale(field)}>
                  <span class="badge badge-warn">{m('member.staleField')}</span>
                </Show>
              </dd>
            </>
          )}
        </For>
      </dl>
    </section>
  );
}
