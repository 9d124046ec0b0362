import { Show } from 'solid-js';
import type { ContactSource } from '@tongxin/ledger';
import { m } from '../messages.ts';
import { formatDate } from '../shared/format-date.ts';

export type { ContactSource };

/**
 * A member's last contact with the organization and what it was (roster's last-contact rule);
 * with none recorded, the day the member was entered, which the 6-month rule counts from.
 */
export function LastContact(props: { at: string | Date | null; source: ContactSource | null; enteredAt?: string | Date }) {
  const iso = (value: string | Date) => new Date(value).toISOString();
  return (
    <Show
      when={props.at}
      fallback={<>{props.enteredAt ? m('roster.noContactSince', { date: formatDate(iso(props.enteredAt)) }) : m('roster.noContactRecorded')}</>}
    >
      {(at) => (
        <>
          {formatDate(iso(at()))}
          <Show when={props.source}>{(source) => <> · {m(`contact.${source()}`)}</>}</Show>
        </>
      )}
    </Show>
  );
}
