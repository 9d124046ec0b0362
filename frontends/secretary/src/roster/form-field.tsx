import { For, Show, type JSX } from 'solid-js';
import { OptionalMark } from '@tongxin/ui';
import { m } from '../messages.ts';

interface FieldProps {
  form: string;
  name: string;
  label: string;
  error?: string;
  hint?: string;
  optional?: boolean;
}

const idOf = (field: FieldProps) => `${field.form}-${field.name}`;

/** Label, control and its error, tied together for screen readers. */
function FieldShell(props: FieldProps & { children: JSX.Element }) {
  return (
    <div class="field">
      <label for={idOf(props)}>
        {props.label}
        <Show when={props.optional}>
          <OptionalMark />
        </Show>
      </label>
      {props.children}
      <Show when={props.hint}>
        <p class="muted" id={`${idOf(props)}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${idOf(props)}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

const describedBy = (field: FieldProps) =>
  [field.hint && `${idOf(field)}-hint`, field.error && `${idOf(field)}-error`].filter(Boolean).join(' ') || undefined;

export function TextField(props: FieldProps & { value?: string | null; type?: string; inputmode?: 'numeric' | 'tel' | 'text'; placeholder?: string }) {
  return (
    <FieldShell {...props}>
      <input
        id={idOf(props)}
        name={props.name}
        type={props.type ?? 'text'}
        inputmode={props.inputmode}
        placeholder={props.placeholder}
        value={props.value ?? ''}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </FieldShell>
  );
}

export function SelectField(props: FieldProps & { value?: string | null; options: readonly { value: string; label: string }[]; placeholder?: boolean }) {
  return (
    <FieldShell {...props}>
      <select id={idOf(props)} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(props)}>
        <Show when={props.placeholder}>
          <option value="">{m('form.pick')}</option>
        </Show>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </FieldShell>
  );
}
