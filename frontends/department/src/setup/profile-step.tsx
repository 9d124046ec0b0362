import { For, Show, createSignal } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { ErrorNotice, createAction } from '@tongxin/ui';
import { m, type DepartmentMessageKey } from '../messages.ts';
import { explainSetupError } from '../explain-error.ts';
import type { StepProps } from './setup-api.ts';

type Field = 'contact' | 'phone' | 'address';
const FIELDS: readonly { name: Field; max: number; type: string; autocomplete: string }[] = [
  { name: 'contact', max: 40, type: 'text', autocomplete: 'name' },
  { name: 'phone', max: 20, type: 'tel', autocomplete: 'tel' },
  { name: 'address', max: 120, type: 'text', autocomplete: 'street-address' },
];

/** Step 1: the department's contact person, phone and address (saving also marks the step done). */
export function ProfileStep(props: StepProps) {
  const save = createAction((input: Record<Field, string>) => identity.setup.saveProfile.mutate(input));
  const [local, setLocal] = createSignal<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = createSignal(false);
  const error = (field: Field) => local()[field] ?? (save.fields()[field] ? m('profile.tooLong') : undefined);
  const value = (field: Field) => (props.state.profile as Partial<Record<Field, string>> | null)?.[field] ?? '';

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const input = {} as Record<Field, string>;
    const problems: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      input[field.name] = String(data.get(field.name) ?? '').trim();
      if (input[field.name].length > field.max) problems[field.name] = m('profile.tooLong');
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    if (await save.run(input)) {
      setSaved(true);
      props.onChanged();
    }
  }

  return (
    <>
      <p>{m('profile.intro')}</p>
      <form class="form" onSubmit={onSubmit} novalidate aria-labelledby="setup-step-title">
        <For each={FIELDS}>
          {(field) => (
            <div class="field">
              <label for={`profile-${field.name}`}>{m(`profile.${field.name}` as DepartmentMessageKey)}</label>
              <input
                id={`profile-${field.name}`}
                name={field.name}
                type={field.type}
                autocomplete={field.autocomplete}
                maxLength={field.max}
                value={value(field.name)}
                aria-invalid={error(field.name) ? 'true' : undefined}
                aria-describedby={error(field.name) ? `profile-${field.name}-error` : undefined}
              />
              <Show when={error(field.name)}>
                <p class="field-error" id={`profile-${field.name}-error`}>{error(field.name)}</p>
              </Show>
            </div>
          )}
        </For>
        <Show when={save.error() && Object.keys(save.fields()).length === 0}>
          <ErrorNotice message={explainSetupError(save.error())} />
        </Show>
        <div class="form-buttons">
          <button type="submit" disabled={save.pending()}>
            {save.pending() ? m('setup.saving') : m('profile.save')}
          </button>
        </div>
        <p role="status">{saved() ? m('setup.saved') : ''}</p>
      </form>
    </>
  );
}
