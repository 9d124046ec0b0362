import { For, Show } from 'solid-js';
import { OptionalMark } from '@tongxin/ui';
import { t, word } from './messages.ts';
import { useFieldProblems, FieldError } from './task-form-parts.tsx';
import { TARGET_UNITS, type ManagedTask, type TargetUnit } from '../shared/tasks-api.ts';

/**
 * The target (an amount in a unit; needed when members report a number) and the quota of
 * places. An edit may not set the quota below the places already taken.
 */
export function TargetFields(props: {
  editing: ManagedTask | undefined;
  needsTarget: boolean;
  targetError: string | undefined;
  unit: TargetUnit;
  onUnit: (unit: TargetUnit) => void;
  unlimited: boolean;
  onUnlimited: (unlimited: boolean) => void;
  taken: number;
}) {
  const { errorOf, described } = useFieldProblems();
  return (
    <>
      <fieldset class="group">
        <legend>
          {t('target')}
          <Show when={!props.needsTarget}><OptionalMark /></Show>
        </legend>
        <p id="task-target.amount-hint" class="meta">{props.needsTarget ? t('targetHintNumber') : t('targetHint')}</p>
        <div class="pair">
          <div class="field">
            <label for="task-target.amount">{t('targetAmount')}</label>
            <input
              id="task-target.amount"
              name="target.amount"
              type="number"
              inputmode="numeric"
              min="1"
              step="1"
              value={props.editing?.target?.amount ?? ''}
              aria-required={props.needsTarget ? 'true' : undefined}
              aria-invalid={props.targetError ? 'true' : undefined}
              aria-describedby={[`task-target.amount-hint`, props.targetError && 'task-target.amount-error'].filter(Boolean).join(' ')}
            />
          </div>
          <div class="field">
            <label for="task-target.unit">{t('targetUnit')}</label>
            <select id="task-target.unit" value={props.unit} onChange={(event) => props.onUnit(event.currentTarget.value as TargetUnit)}>
              <For each={TARGET_UNITS}>{(u) => <option value={u}>{word('unit', u)}</option>}</For>
            </select>
          </div>
        </div>
        <Show when={props.targetError}>
          <p id="task-target.amount-error" class="field-error">{props.targetError}</p>
        </Show>
      </fieldset>
      <fieldset class="group">
        <legend>{t('quota')}</legend>
        <label class="check">
          <input type="checkbox" checked={props.unlimited} onChange={(event) => props.onUnlimited(event.currentTarget.checked)} />
          {t('unlimited')}
        </label>
        <Show when={!props.unlimited}>
          <div class="field">
            <label for="task-quota">{t('quota')}</label>
            <Show when={props.taken > 0}>
              <p id="task-quota-hint" class="meta">{t('quotaTaken', { n: props.taken })}</p>
            </Show>
            <input
              id="task-quota"
              name="quota"
              type="number"
              inputmode="numeric"
              min={Math.max(1, props.taken)}
              step="1"
              value={props.editing?.quota ?? Math.max(10, props.taken)}
              aria-invalid={errorOf('quota') ? 'true' : undefined}
              aria-describedby={described('quota', props.taken > 0)}
            />
            <FieldError name="quota" />
          </div>
        </Show>
      </fieldset>
    </>
  );
}
