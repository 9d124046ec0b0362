import { Show, type JSX } from 'solid-js';
import { OptionalMark } from '@tongxin/ui';

/**
 * The frame every member form field shares: its label (with the optional mark), its hint and
 * its problem, which the control names in `aria-describedby` (given to `children`).
 */
export function FieldFrame(props: {
  id: string;
  label: string;
  optional?: boolean | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  children: (describedBy: () => string | undefined) => JSX.Element;
}) {
  const describedBy = () => [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        <Show when={props.optional}>
          <OptionalMark />
        </Show>
      </label>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="muted" style={{ margin: 0 }}>
          {props.hint}
        </p>
      </Show>
      {props.children(describedBy)}
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
