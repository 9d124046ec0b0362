import { For, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ResourceList } from '@tongxin/ui';
import { c } from '../../shared/messages.ts';
import { ReportingStyles } from '../../shared/reporting-styles.tsx';
import { t, type SuggestionsMessageKey } from './messages.ts';
import { SuggestionCard } from './suggestion-card.tsx';

const STATUSES = ['received', 'adopted', 'in_progress', 'done', 'declined'] as const;
type Status = (typeof STATUSES)[number];

/** 建言献策: the suggestions addressed to the caller's orgs, answered and moved on step by step. */
export default function SuggestionsPage() {
  const [status, setStatus] = createSignal<Status | ''>('received');
  const [inbox, { refetch }] = createResource(status, (s) => reporting.suggestions.inbox.query(s ? { status: s } : {}));
  const [said, setSaid] = createSignal('');

  return (
    <section class="reporting">
      <ReportingStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div class="toolbar">
        <div class="field">
          <label for="suggestions-status">{c('status')}</label>
          <select id="suggestions-status" value={status()} onChange={(event) => setStatus(event.currentTarget.value as Status | '')}>
            <option value="">{c('anyStatus')}</option>
            <For each={STATUSES}>{(s) => <option value={s}>{t(`status.${s}` as SuggestionsMessageKey)}</option>}</For>
          </select>
        </div>
      </div>
      <p role="status">{said()}</p>
      <ResourceList resource={inbox} onRetry={refetch} empty={t('empty')}>
        {(rows) => (
          <ul class="cards" aria-busy={inbox.loading}>
            <For each={rows()}>
              {(suggestion) => (
                <SuggestionCard
                  suggestion={suggestion}
                  onDone={(text) => {
                    setSaid(text);
                    refetch();
                  }}
                />
              )}
            </For>
          </ul>
        )}
      </ResourceList>
    </section>
  );
}
