import { tasks } from '@tongxin/api-client';
import { For, Show, createResource, createSignal } from 'solid-js';
import { format } from '@tongxin/i18n';
import { ResourceList } from '@tongxin/ui';
import { c } from '../../shared/messages.ts';
import { createTenantNames } from '../../shared/names.ts';
import { ReportingStyles } from '../../shared/reporting-styles.tsx';
import { CardStyles } from '../../shared/card-styles.tsx';

import { CompletionCard } from './completion-card.tsx';
import { t } from './messages.ts';

/** 待审核: the completions of the caller's tasks waiting for a decision, oldest first. */
export default function CompletionsPage() {
  const [pending, { refetch }] = createResource(() => tasks.completions.pending.query());
  const [said, setSaid] = createSignal('');
  const countyName = createTenantNames();

  return (
    <section class="reporting">
      <ReportingStyles />
      <CardStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div class="toolbar">
        <button type="button" class="secondary" onClick={refetch}>{c('refresh')}</button>
        <Show when={pending.latest && pending.latest.length > 0}>
          <p class="meta">{t('count', { count: format(pending.latest!.length) })}</p>
        </Show>
      </div>
      <p role="status">{said()}</p>
      <ResourceList resource={pending} onRetry={refetch} empty={t('empty')}>
        {(rows) => (
          <ul class="cards" aria-busy={pending.loading}>
            <For each={rows()}>
              {(completion) => (
                <CompletionCard
                  completion={completion}
                  countyName={countyName}
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
