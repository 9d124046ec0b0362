import { Show } from 'solid-js';
import { isMonth } from '@tongxin/calendar';
import { c } from './messages.ts';

/** A labelled month picker (`YYYY-MM`); an empty or malformed value is shown as an error, not sent. */
export function MonthField(props: { id: string; value: string; onChange: (period: string) => void }) {
  const invalid = () => !isMonth(props.value);
  return (
    <div class="field">
      <label for={props.id}>{c('month')}</label>
      <input
        id={props.id}
        type="month"
        value={props.value}
        aria-invalid={invalid() ? 'true' : undefined}
        aria-describedby={invalid() ? `${props.id}-error` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
      <Show when={invalid()}>
        <p id={`${props.id}-error`} class="field-error">
          {c('monthInvalid')}
        </p>
      </Show>
    </div>
  );
}
