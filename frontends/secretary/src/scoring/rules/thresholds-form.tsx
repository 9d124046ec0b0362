import { For, Show, createSignal } from 'solid-js';
import { ErrorNotice, createAction } from '@tongxin/ui';
import { c } from '../../shared/messages.ts';
import { scoringApi, type Thresholds } from '../scoring-api.ts';
import { failureText } from '../../shared/field-message.ts';
import { t, type RulesMessageKey } from './messages.ts';

const LEVELS = ['excellent', 'qualified', 'basic'] as const;
const FIELDS = LEVELS.flatMap((level) => [`${level}.points`, `${level}.reports`]);

/** The department's yearly standards per grade (points and monthly reports) and whether points count at all, changed with a reason. */
export function ThresholdsForm(props: { thresholds: Thresholds; onDone: (said: string) => void; onCancel: () => void }) {
  const [local, setLocal] = createSignal<Record<string, string>>({});
  const update = createAction((input: Thresholds & { reason: string }, idempotencyKey: string) => scoringApi.thresholds.update.mutate({ ...input, idempotencyKey }));
  const errorOf = (field: string) => local()[field] ?? update.fields()[field];
  const id = (field: string) => `thresholds-${field.replace('.', '-')}`;
  let form: HTMLFormElement | undefined;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(form);
    const problems: Record<string, string> = {};
    const whole = (name: string) => {
      const raw = String(data.get(name) ?? '').trim();
      const value = Number(raw);
      if (raw === '') problems[name] = t('required');
      else if (!Number.isInteger(value)) problems[name] = t('whole');
      return value;
    };
    const grades = Object.fromEntries(LEVELS.map((level) => [level, { points: whole(`${level}.points`), reports: whole(`${level}.reports`) }]));
    const input = { ...grades, pointsCount: data.get('pointsCount') === 'on' } as unknown as Thresholds;
    const reason = String(data.get('reason') ?? '').trim();
    if (!reason) problems.reason = t('required');
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (await update.run({ ...input, reason })) props.onDone(t('thresholdsSaved'));
    else queueMicrotask(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  const Num = (p: { field: string; label: string; value: number }) => (
    <div class="field">
      <label for={id(p.field)}>{p.label}</label>
      <input
        id={id(p.field)}
        name={p.field}
        type="number"
        inputmode="numeric"
        step="1"
        min="0"
        value={p.value}
        aria-invalid={errorOf(p.field) ? 'true' : undefined}
        aria-describedby={errorOf(p.field) ? `${id(p.field)}-error` : undefined}
      />
      <Show when={errorOf(p.field)}><p id={`${id(p.field)}-error`} class="field-error">{errorOf(p.field)}</p></Show>
    </div>
  );

  return (
    <form ref={form} class="form panel" aria-labelledby="thresholds-form-title" onSubmit={onSubmit} novalidate>
      <h3 id="thresholds-form-title" style={{ margin: 0 }}>{t('editThresholds')}</h3>
      <For each={LEVELS}>
        {(level) => {
          const grade = t(`grade.${level}` as RulesMessageKey);
          return (
            <fieldset class="group">
              <legend>{grade}</legend>
              <div class="pair">
                <Num field={`${level}.points`} label={t('thresholdPoints', { grade })} value={props.thresholds[level].points} />
                <Num field={`${level}.reports`} label={t('thresholdReports', { grade })} value={props.thresholds[level].reports} />
              </div>
            </fieldset>
          );
        }}
      </For>
      <div class="field">
        <label class="check">
          <input type="checkbox" name="pointsCount" checked={props.thresholds.pointsCount} aria-describedby="thresholds-points-count-hint" />
          {t('pointsCount')}
        </label>
        <p id="thresholds-points-count-hint" class="meta">{t('pointsCountHint')}</p>
      </div>
      <div class="field">
        <label for="thresholds-reason">{t('reason')}</label>
        <p id="thresholds-reason-hint" class="meta">{t('reasonHint')}</p>
        <textarea
          id="thresholds-reason"
          name="reason"
          maxLength={200}
          aria-invalid={errorOf('reason') ? 'true' : undefined}
          aria-describedby={['thresholds-reason-hint', errorOf('reason') && 'thresholds-reason-error'].filter(Boolean).join(' ')}
        />
        <Show when={errorOf('reason')}><p id="thresholds-reason-error" class="field-error">{errorOf('reason')}</p></Show>
      </div>
      <Show when={update.error() && ![...FIELDS, 'reason'].some((field) => errorOf(field))}>
        <ErrorNotice message={failureText(update.error())} />
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={update.pending()} aria-busy={update.pending()}>{update.pending() ? c('saving') : t('save')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{t('cancel')}</button>
      </div>
    </form>
  );
}
