import { For, Show, createContext, useContext, type JSX } from 'solid-js';
import { OptionalMark } from '@tongxin/ui';

/** What the task form's parts need to show a field's problem: its message and the ids that describe it. */
export interface FieldProblems {
  errorOf(field: string): string | undefined;
  /** `aria-describedby` for a field: its hint (when it has one) and its error (when there is one). */
  described(field: string, hint?: boolean): string | undefined;
}
export const FieldProblemsContext = createContext<FieldProblems>();

export function useFieldProblems(): FieldProblems {
  const problems = useContext(FieldProblemsContext);
  if (!problems) throw new Error('the task form parts are used inside the task form');
  return problems;
}

export function FieldError(props: { name: string }) {
  const { errorOf } = useFieldProblems();
  return (
    <Show when={errorOf(props.name)}>
      <p id={`task-${props.name}-error`} class="field-error">{errorOf(props.name)}</p>
    </Show>
  );
}

/** A label, an optional hint, the control and its error; ids follow `task-<name>`. */
export function Field(props: { name: string; label: string; hint?: string; optional?: boolean; children: JSX.Element }) {
  return (
    <div class="field">
      <label for={`task-${props.name}`}>
        {props.label}
        <Show when={props.optional}><OptionalMark /></Show>
      </label>
      <Show when={props.hint}><p id={`task-${props.name}-hint`} class="meta">{props.hint}</p></Show>
      {props.children}
      <FieldError name={props.name} />
    </div>
  );
}

export function Radios<V extends string>(props: { name: string; legend: string; values: readonly V[]; value: V; onChange: (v: V) => void; label: (v: V) => string }) {
  return (
    <fieldset class="choices">
      <legend>{props.legend}</legend>
      <For each={props.values}>
        {(v) => (
          <label>
            <input type="radio" name={props.name} value={v} checked={props.value === v} onChange={() => props.onChange(v)} />
            {props.label(v)}
          </label>
        )}
      </For>
    </fieldset>
  );
}
