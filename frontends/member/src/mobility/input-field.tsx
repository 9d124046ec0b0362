import { For, Show, type JSX } from 'solid-js';
import { FieldFrame } from '../parts/field-frame.tsx';

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
  return (
    <FieldFrame id={props.id} label={props.label} optional={props.optional} hint={props.hint} error={props.error}>
      {(describedBy) => {
        const common = () => ({
          id: props.id,
          name: props.id,
          'aria-invalid': props.error ? ('true' as const) : undefined,
          'aria-describedby': describedBy(),
          'aria-required': props.optional ? undefined : ('true' as const),
        });
        return (
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
        );
      }}
    </FieldFrame>
  );
}
