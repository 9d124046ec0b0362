import { For, Show, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { formatDate } from '../../shared/format-date.ts';
import { t, type SuggestionsMessageKey } from './messages.ts';

export type InboxSuggestion = Awaited<ReturnType<typeof reporting.suggestions.inbox.query>>[number];
type Status = InboxSuggestion['status'];
type Next = 'adopted' | 'in_progress' | 'done' | 'declined';

// The steps the server allows from each status (services/reporting suggestion-rules.ts).
const NEXT: Record<Status, readonly Next[]> = {
  received: ['adopted', 'declined'],
  adopted: ['in_progress', 'declined'],
  in_progress: ['done'],
  done: [],
  declined: [],
};
const label = (key: string) => t(key as SuggestionsMessageKey) ?? key;

/** One suggestion: what was asked, its steps so far, and the next step with an answer. */
export function SuggestionCard(props: { suggestion: InboxSuggestion; onDone: (said: string) => void }) {
  const s = () => props.suggestion;
  const form = () => `suggestion-${s().id}`;
  const [next, setNext] = createSignal<Next | ''>('');
  const [answer, setAnswer] = createSignal('');
  const [missing, setMissing] = createSignal(false);
  const chosen = () => next() || NEXT[s().status][0];
  const advance = createAction((input: { suggestionId: string; status: Next; answer?: string }) => reporting.suggestions.advance.mutate(input));
  const answerError = () => (missing() ? t('answerRequired') : advance.fields().answer);

  async function onAdvance(event: SubmitEvent) {
    event.preventDefault();
    const status = chosen();
    if (!status) return;
    const text = answer().trim();
    setMissing(status === 'declined' && text === '');
    if (missing()) return;
    const done = await advance.run({ suggestionId: s().id, status, answer: text || undefined });
    if (done) props.onDone(t('advanced', { title: s().title }));
  }

  return (
    <li class="card">
      <h2>{s().title}</h2>
      <p class="meta">
        {t('from')}：{s().memberName ?? '—'} · {t('category')}：{label(`category.${s().category}`)} · {formatDate(String(s().createdAt))}
      </p>
      <p>
        <span class="badge">{label(`status.${s().status}`)}</span>
      </p>
      <p style={{ 'white-space': 'pre-wrap' }}>{s().body}</p>
      <Show when={s().steps.length > 0}>
        <details>
          <summary>{t('steps')}</summary>
          <ol>
            <For each={s().steps}>
              {(step) => (
                <li>
                  {label(`status.${step.status}`)} · {formatDate(step.at, true)}
                  <Show when={step.answer}>：{step.answer}</Show>
                </li>
              )}
            </For>
          </ol>
        </details>
      </Show>
      <Show when={NEXT[s().status].length > 0} fallback={<p class="meta">{t('finished')}</p>}>
        <form class="panel" aria-label={t('advance')} onSubmit={onAdvance}>
          <div class="field">
            <label for={`${form()}-next`}>{t('next')}</label>
            <select id={`${form()}-next`} value={chosen()} onChange={(event) => setNext(event.currentTarget.value as Next)}>
              <For each={NEXT[s().status]}>{(status) => <option value={status}>{label(`status.${status}`)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for={`${form()}-answer`}>{t('answer')}</label>
            <textarea
              id={`${form()}-answer`}
              value={answer()}
              aria-invalid={answerError() ? 'true' : undefined}
              aria-describedby={answerError() ? `${form()}-error` : undefined}
              onInput={(event) => setAnswer(event.currentTarget.value)}
            />
            <Show when={answerError()}>
              <p id={`${form()}-error`} class="field-error">{answerError()}</p>
            </Show>
          </div>
          <button type="submit" disabled={advance.pending()}>{t('advance')}</button>
          <Show when={advance.error() && !answerError()}>
            <ErrorNotice message={describeError(advance.error())} />
          </Show>
        </form>
      </Show>
    </li>
  );
}
