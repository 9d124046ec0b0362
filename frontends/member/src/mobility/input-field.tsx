import { For, Show, type JSX } from 'solid-js';
import { OptionalMark } from '@tongxin/ui';

/**
 * One labelled input (date, phone, number) or choice, its hint and problem read out with it
 * (aria-describedby). The text fields are `parts/text-field.tsx`.
 */
export function InputField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'date' | 'tel' | 'number';
  inputmode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
  min?: string;
  max?: string;
  options?: readonly { value: string; label: string }[];
  placeholder?: string;
  optional?: boolean;
  hint?: string;
  error?: string | undefined;
}) {
  const describedBy = () => [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = () => ({
    id: props.id,
    name: props.id,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(),
    'aria-required': props.optional ? undefined : ('true' as const),
  });
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
      <Show
        when={props.options}
        fallback={
          <input {...common()} type={props.type ?? 'text'} inputMode={props.inputmode} min={props.min} max={props.max} value={props.value}
            onInput={(e) => props.onInput(e.currentTarget.value)} />
        }
      >
        {(options) => (
          <select {...common()} value={props.value} onChange={(e) => props.onInput(e.currentTarget.value)}>
            <option value="">{props.placeholder}</option>
            <For each={options()}>{(option) => <option value={option.value} selected={option.value === props.value}>{option.label}</option>}</For>
          </select>
        )}
      </Show>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
