import { For, Show } from 'solid-js';
import { t } from '@tongxin/i18n';
import { ID_CARD_LOOKUPS_PER_HOUR, MEMBER_STATUSES } from '@tongxin/ledger';
import { m } from '../messages.ts';
import { DebouncedText } from './debounced-text.tsx';
import { NO_CONTACT_MONTHS, type RosterQuery } from '../app/route.ts';

/** The status choice "away": mobile or lost contact, as the department's overview counts 流动党员. */
const AWAY = 'away';
const statusChoice = (value: string): Partial<RosterQuery> =>
  value === AWAY ? { status: undefined, away: true } : { status: (value || undefined) as RosterQuery['status'], away: undefined };

/** Search and filters of the roster; every change goes to the URL, which drives the list. */
export function RosterFilters(props: { query: RosterQuery; onChange: (patch: Partial<RosterQuery>, options?: { replace?: boolean }) => void }) {
  const replace = { replace: true };
  return (
    <fieldset class="roster-filters">
      <legend>{m('roster.filters')}</legend>
      <DebouncedText
        id="roster-search"
        label={m('roster.search')}
        hint={m('roster.searchNote', { limit: ID_CARD_LOOKUPS_PER_HOUR })}
        value={props.query.search} onValue={(search) => props.onChange({ search }, replace)} />
      <div class="field">
        <label for="roster-status">{m('roster.status')}</label>
        <select
          id="roster-status"
          value={props.query.away ? AWAY : (props.query.status ?? '')}
          onChange={(event) => props.onChange(statusChoice(event.currentTarget.value), replace)}
        >
          <option value="">{m('roster.anyStatus')}</option>
          <option value={AWAY}>{m('roster.away')}</option>
          <For each={MEMBER_STATUSES}>{(status) => <option value={status}>{t(`status.${status}`)}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="roster-no-contact">{m('roster.noContact')}</label>
        <select
          id="roster-no-contact"
          value={props.query.noContactMonths ?? ''}
          onChange={(event) => props.onChange({ noContactMonths: Number(event.currentTarget.value) || undefined }, replace)}
        >
          <option value="">{m('roster.anyContact')}</option>
          <For each={NO_CONTACT_MONTHS}>{(months) => <option value={months}>{m('roster.noContactFor', { months })}</option>}</For>
        </select>
      </div>
      <DebouncedText
        id="roster-city"
        type="text"
        label={m('roster.destinationCity')}
        value={props.query.destinationCity}
        onValue={(destinationCity) => props.onChange({ destinationCity }, replace)}
      />
      <div class="checks">
        <label>
          <input type="checkbox" checked={!!props.query.stale} onChange={(event) => props.onChange({ stale: event.currentTarget.checked || undefined }, replace)} />
          {' '}
          {m('roster.stale')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={!!props.query.lostContact}
            onChange={(event) => props.onChange({ lostContact: event.currentTarget.checked || undefined }, replace)}
          />
          {' '}
          {m('roster.lostContact')}
        </label>
        <label>
          <input type="checkbox" checked={!!props.query.checkedIn} onChange={(event) => props.onChange({ checkedIn: event.currentTarget.checked || undefined }, replace)} />
          {' '}
          {m('roster.checkedIn')}
        </label>
      </div>
      <Show when={props.query.search || props.query.status || props.query.away || props.query.checkedIn || props.query.destinationCity || props.query.stale || props.query.lostContact || props.query.noContactMonths}>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            props.onChange({ search: undefined, status: undefined, away: undefined, checkedIn: undefined, destinationCity: undefined, stale: undefined, lostContact: undefined, noContactMonths: undefined }, replace)
          }
        >
          {m('roster.clear')}
        </button>
      </Show>
    </fieldset>
  );
}
