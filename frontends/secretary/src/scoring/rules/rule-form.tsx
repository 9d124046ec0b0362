import { Show, createSignal } from 'solid-js';
import { ErrorNotice, createAction } from '@tongxin/ui';
import { c } from '../../shared/messages.ts';
import { say } from '../points/messages.ts';
import { scoringApi, type ActivityKind, type Rule } from '../scoring-api.ts';
import { failureText } from '../../shared/field-message.ts';
import { t } from './messages.ts';

type UpdateInput = { kind: ActivityKind; points?: number | null; monthlyCap?: number | null; reason: string };
type Field = 'points' | 'monthlyCap' | 'reason';

/**
 * Edit one activity's points and monthly cap with a reason. Only the form's own shape is
 * checked here; the ranges (no negative cap, 0–100 points) are the server's, shown at the field.
 */
export function RuleForm(props: { rule: Rule; onDone: (said: string) => void; onCancel: () => void }) {
  const [local, setLocal] = createSignal<Partial<Record<Field, string>>>({});
  const update = createAction((input: UpdateInput, idempotencyKey: string) => scoringApi.rules.update.mutate({ ...input, idempotencyKey }));
  const errorOf = (field: Field) => local()[field] ?? update.fields()[field];
  const id = (field: Field) => `rule-${props.rule.kind}-${field}`;
  const kindName = () => say('activity', props.rule.kind);
  // task_completed has no points of its own: each task promises its points.
  const hasPoints = () => props.rule.points !== null;
  let form: HTMLFormElement | undefined;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const problems: Partial<Record<Field, string>> = {};
    const whole = (name: Field, allowEmpty: boolean) => {
      const raw = text(name);
      if (raw === '') {
        if (!allowEmpty) problems[name] = t('required');
        return null;
      }
      const value = Number(raw);
      if (!Number.isInteger(value)) problems[name] = t('whole');
      return value;
    };
    const points = hasPoints() ? whole('points', false) : undefined;
    const monthlyCap = whole('monthlyCap', true);
    const reason = text('reason');
    if (!reason) problems.reason = t('required');
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const input: UpdateInput = { kind: props.rule.kind, monthlyCap, reason, ...(hasPoints() ? { points } : {}) };
    if (await update.run(input)) props.onDone(t('saved', { kind: kindName() }));
    else queueMicrotask(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  const described = (field: Field, hint: boolean) => [hint && `${id(field)}-hint`, errorOf(field) && `${id(field)}-error`].filter(Boolean).join(' ') || undefined;
  const Num = (p: { field: 'points' | 'monthlyCap'; label: string; hint?: string; value: number | null; min: number; max?: number }) => (
    <div class="field">
      <label for={id(p.field)}>{p.label}</label>
      <Show when={p.hint}><p id={`${id(p.field)}-hint`} class="meta">{p.hint}</p></Show>
      <input
        id={id(p.field)}
        name={p.field}
        type="number"
        inputmode="numeric"
        step="1"
        min={p.min}
        max={p.max}
        value={p.value ?? ''}
        aria-invalid={errorOf(p.field) ? 'true' : undefined}
        aria-describedby={described(p.field, !!p.hint)}
      />
      <Show when={errorOf(p.field)}><p id={`${id(p.field)}-error`} class="field-error">{errorOf(p.field)}</p></Show>
    </div>
  );

  return (
    <form ref={form} class="form panel" aria-labelledby={`${id('reason')}-title`} onSubmit={onSubmit} novalidate>
      <h3 id={`${id('reason')}-title`} style={{ margin: 0 }}>{t('editTitle', { kind: kindName() })}</h3>
      <Show when={hasPoints()}>
        <Num field="points" label={t('pointsField')} value={props.rule.points} min={0} max={100} />
      </Show>
      <Num field="monthlyCap" label={t('capField')} hint={t('capHint')} value={props.rule.monthlyCap} min={0} />
      <div class="field">
        <label for={id('reason')}>{t('reason')}</label>
        <p id={`${id('reason')}-hint`} class="meta">{t('reasonHint')}</p>
        <textarea id={id('reason')} name="reason" maxLength={200} aria-invalid={errorOf('reason') ? 'true' : undefined} aria-describedby={described('reason', true)} />
        <Show when={errorOf('reason')}><p id={`${id('reason')}-error`} class="field-error">{errorOf('reason')}</p></Show>
      </div>
      <Show when={update.error() && !(['points', 'monthlyCap', 'reason'] as const).some((field) => errorOf(field))}>
        <ErrorNotice message={failureText(update.error())} />
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={update.pending()} aria-busy={update.pending()}>{update.pending() ? c('saving') : t('save')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{t('cancel')}</button>
      </div>
    </form>
  );
}
