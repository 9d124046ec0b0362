import { For, Match, Show, Switch, createResource, createSignal, onCleanup } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { SectionStyles } from '../parts/section-styles.tsx';
import { day } from '../parts/when.ts';
import type { Profile } from '../profile.ts';
import { bigButton } from '../touch.ts';
import { m, type SuggestionMessageKey } from './messages.ts';
import { SuggestionForm } from './suggestion-form.tsx';
import { m as offline } from '../shared/offline-messages.ts';
import { readKept } from '../shared/kept-read.tsx';
import { onWriteSettled } from '../shared/write-queue.ts';

const statusLabel = (status: string) => m(`status.${status}` as SuggestionMessageKey) ?? status;
const tone = (status: string) => (status === 'done' || status === 'adopted' ? 'badge-ok' : status === 'declined' ? 'badge-bad' : 'badge-wait');

/** 建言献策: write one, and follow each through received → adopted → in progress → done. */
export default function SuggestionsPage(props: { me: Profile }) {
  const [suggestions, { refetch }] = createResource(() => readKept('suggestions.mine', () => reporting.suggestions.mine.query()));
  onCleanup(onWriteSettled((write) => write.kind === 'suggestion.send' && refetch()));
  const [writing, setWriting] = createSignal(false);
  const [said, setSaid] = createSignal('');

  return (
    <section aria-labelledby="suggestions-heading">
      <SectionStyles />
      <h2 id="suggestions-heading">{m('title')}</h2>
      <p class="muted">{m('intro')}</p>
      <p role="status">{said()}</p>
      <Show
        when={writing()}
        fallback={
          <button type="button" style={bigButton} onClick={() => { setSaid(''); setWriting(true); }}>
            {m('write')}
          </button>
        }
      >
        <SuggestionForm me={props.me} onCancel={() => setWriting(false)} onSent={(queued) => { setWriting(false); setSaid(queued ? offline('queued') : m('sent')); refetch(); }} />
      </Show>
      <h3>{m('mine')}</h3>
      <Switch>
        <Match when={suggestions.error}>
          <ErrorNotice message={describeError(suggestions.error)} onRetry={refetch} />
        </Match>
        <Match when={suggestions.latest}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p>{m('none')}</p>}>
              <ul class="cards">
                <For each={list()}>
                  {(suggestion) => (
                    <li class="card">
                      <p class="muted">
                        {m(`category.${suggestion.category}`)} · {day(suggestion.createdAt)}
                      </p>
                      <h3>{suggestion.title}</h3>
                      <p><span class={`badge ${tone(suggestion.status)}`}>{statusLabel(suggestion.status)}</span></p>
                      <details>
                        <summary style={{ cursor: 'pointer', 'min-height': '2rem' }}>{m('body')}</summary>
                        <p style={{ 'white-space': 'pre-wrap' }}>{suggestion.body}</p>
                      </details>
                      <ol class="steps">
                        <For each={suggestion.steps}>
                          {(step) => (
                            <li>
                              {m('stepAt', { status: statusLabel(step.status), date: day(step.at) })}
                              <Show when={step.answer}>{(answer) => <p class="reply">{m('answer', { answer: answer() })}</p>}</Show>
                            </li>
                          )}
                        </For>
                      </ol>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
        <Match when={suggestions.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
