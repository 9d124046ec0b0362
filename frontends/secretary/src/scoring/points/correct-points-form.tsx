import { Show, createSignal } from 'solid-js';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { c } from '../../shared/messages.ts';
import { t } from './messages.ts';
import { scoringApi } from '../scoring-api.ts';

type CorrectInput = { memberId: string; points: number; reason: string };

/** A compensating entry with its reason: the ledger is append-only, so a mistake is corrected by adding. */
export function CorrectPointsForm(props: { memberId: string; name: string; onDone: (said: string) => void }) {
  const [local, setLocal] = createSignal<Record<string, string>>({});
  const correct = createAction((input: CorrectInput, idempotencyKey: string) => scoringApi.points.correct.mutate({ ...input, idempotencyKey }));
  const errorOf = (field: 'points' | 'reason') => local()[field] ?? correct.fields()[field];
  let form: HTMLFormElement | undefined;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(form);
    const raw = String(data.get('points') ?? '').trim();
    const points = Number(raw);
    const reason = String(data.get('reason') ?? '').trim();
    const problems: Record<string, string> = {};
    if (raw === '' || !Number.isInteger(points) || points === 0 || Math.abs(points) > 100) problems.points = t('notZero');
    if (reason.length < 4) problems.reason = t('reasonShort');
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (await correct.run({ memberId: props.memberId, points, reason })) {
      form?.reset();
      props.onDone(t('corrected', { name: props.name, points: points > 0 ? `+${points}` : String(points) }));
    }
  }

  const describedBy = (field: 'points' | 'reason') => [`correct-${field}-hint`, errorOf(field) && `correct-${field}-error`].filter(Boolean).join(' ');

  return (
    <form ref={form} class="form panel" aria-labelledby="correct-title" onSubmit={onSubmit} novalidate>
      <h3 id="correct-title" style={{ margin: 0 }}>{t('correctTitle')}</h3>
      <p class="meta" style={{ margin: 0 }}>{t('correctIntro')}</p>
      <div class="field">
        <label for="correct-points">{t('correctPoints')}</label>
        <p id="correct-points-hint" class="meta">{t('correctPointsHint')}</p>
        <input id="correct-points" name="points" type="number" inputmode="numeric" step="1" min="-100" max="100" aria-invalid={errorOf('points') ? 'true' : undefined} aria-describedby={describedBy('points')} />
        <Show when={errorOf('points')}><p id="correct-points-error" class="field-error">{errorOf('points')}</p></Show>
      </div>
      <div class="field">
        <label for="correct-reason">{t('correctReason')}</label>
        <p id="correct-reason-hint" class="meta">{t('correctReasonHint')}</p>
        <textarea id="correct-reason" name="reason" maxLength={200} aria-invalid={errorOf('reason') ? 'true' : undefined} aria-describedby={describedBy('reason')} />
        <Show when={errorOf('reason')}><p id="correct-reason-error" class="field-error">{errorOf('reason')}</p></Show>
      </div>
      <Show when={correct.error() && Object.keys(correct.fields()).length === 0}>
        <ErrorNotice message={describeError(correct.error())} />
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={correct.pending()} aria-busy={correct.pending()}>{correct.pending() ? c('saving') : t('correctSubmit')}</button>
      </div>
    </form>
  );
}
