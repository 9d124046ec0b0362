import { Show } from 'solid-js';
import { t } from './messages.ts';

/** A labelled text input that says when it is empty or the server found a problem with it. */
export function TextField(props: { id: string; label: string; value: string; invalid?: boolean; autofocus?: boolean; onInput: (value: string) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        value={props.value}
        autofocus={props.autofocus}
        ref={(element) => props.autofocus && queueMicrotask(() => element.focus())}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={props.invalid ? `${props.id}-error` : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <Show when={props.invalid}>
        <p id={`${props.id}-error`} class="field-error">
          {props.value.trim() === '' ? t('fieldRequired') : t('fieldInvalid')}
        </p>
      </Show>
    </div>
  );
}
