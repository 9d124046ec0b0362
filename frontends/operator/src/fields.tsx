import { For, Show } from 'solid-js';
import { m, type OperatorMessage } from './messages.ts';

/** A labelled text input with its hint and its problem, both read out with it. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  problem?: OperatorMessage | undefined;
  problemParams?: Record<string, string>;
  hint?: string;
  inputmode?: 'text' | 'numeric' | 'tel';
  type?: 'text' | 'tel';
  maxlength?: number;
  autocomplete?: string;
  ref?: (element: HTMLInputElement) => void;
}) {
  const describedBy = () => [props.hint ? `${props.id}-hint` : '', props.problem ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <input
        id={props.id}
        ref={(element) => props.ref?.(element)}
        type={props.type ?? 'text'}
        value={props.value}
        inputmode={props.inputmode}
        maxlength={props.maxlength}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={describedBy()}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <FieldProblem id={props.id} problem={props.problem} params={props.problemParams} />
    </div>
  );
}

export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  problem?: OperatorMessage | undefined;
  ref?: (element: HTMLSelectElement) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        ref={(element) => props.ref?.(element)}
        value={props.value}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={props.problem ? `${props.id}-error` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <option value="">{props.placeholder}</option>
        <For each={props.options}>{(option) => <option value={option.value}>{option.label}</option>}</For>
      </select>
      <FieldProblem id={props.id} problem={props.problem} />
    </div>
  );
}

function FieldProblem(props: { id: string; problem?: OperatorMessage | undefined; params?: Record<string, string> | undefined }) {
  return (
    <Show when={props.problem}>
      {(key) => (
        <p class="field-error" id={`${props.id}-error`}>
          {m(key(), props.params)}
        </p>
      )}
    </Show>
  );
}

/** Focus the first field with a problem, in the order the form shows them. */
export function focusFirst<F extends string>(order: readonly F[], problems: Partial<Record<F, unknown>>, elements: Partial<Record<F, HTMLElement>>): boolean {
  const first = order.find((field) => problems[field]);
  if (!first) return false;
  elements[first]?.focus();
  return true;
}
