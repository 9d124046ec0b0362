import { Show } from 'solid-js';
import { FieldFrame } from './field-frame.tsx';
import { m } from './messages.ts';

/**
 * One labelled text input or text area; its problem and hint are read out with it
 * (aria-describedby), and a long text shows how much room is left.
 */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  max: number;
  multiline?: boolean;
  optional?: boolean;
  hint?: string;
  error?: string | undefined;
  ref?: (element: HTMLInputElement | HTMLTextAreaElement) => void;
}) {
  return (
    <FieldFrame id={props.id} label={props.label} optional={props.optional} hint={props.hint} error={props.error}>
      {(describedBy) => (
        <Show
          when={props.multiline}
          fallback={
            <input id={props.id} name={props.id} type="text" value={props.value} ref={props.ref}
              aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy()} aria-required={props.optional ? undefined : 'true'}
              onInput={(e) => props.onInput(e.currentTarget.value)} />
          }
        >
          <textarea id={props.id} name={props.id} rows={4} value={props.value} ref={props.ref}
            aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy()} aria-required={props.optional ? undefined : 'true'}
            onInput={(e) => props.onInput(e.currentTarget.value)} />
          <p class="muted counter" aria-hidden="true">
            {m('counter', { n: props.value.trim().length, max: props.max })}
          </p>
        </Show>
      )}
    </FieldFrame>
  );
}
