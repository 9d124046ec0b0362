import { For, Show, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { RequestCard } from './request-card.tsx';
import { t } from './request-messages.ts';
import type { RequestStatus } from './request-types.ts';

const statuses: RequestStatus[] = ['pending', 'confirmed', 'refused', 'withdrawn'];

// Cards rather than a table: each request has several facts, read on a 360-px phone too.
const css = `
.mobility-requests ul { list-style: none; margin: 0.5rem 0; padding: 0; display: grid; gap: 0.75rem; }
.mobility-requests .request-facts { display: grid; grid-template-columns: fit-content(8rem) minmax(0, 1fr); gap: 0.2rem 0.75rem; margin: 0.5rem 0; }
.mobility-requests .request-facts dt { color: var(--color-muted); }
.mobility-requests .request-facts dd { margin: 0; overflow-wrap: anywhere; }
.mobility-requests .quote { white-space: pre-wrap; }
.mobility-requests .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.mobility-requests .actions button { min-height: 2.75rem; }
.mobility-requests .count { display: inline-block; margin-left: 0.5rem; padding: 0 0.5rem; border-radius: 0.7rem; background: var(--color-brand); color: #fff; font-size: 0.9rem; }
`;

/** The secretary's queue of members' own 外出登记 and 返乡登记: the pending ones with their count, or the decided ones. */
export function RequestsSection() {
  const [status, setStatus] = createSignal<RequestStatus>('pending');
  const [said, setSaid] = createSignal('');
  const [requests, { refetch }] = createResource(status, (s) => roster.mobility.requests.query({ status: s }));
  const pendingCount = () => (status() === 'pending' ? requests.latest?.total : undefined);

  return (
    <section class="mobility-requests" aria-labelledby="mobility-requests-heading">
      <style>{css}</style>
      <h2 id="mobility-requests-heading">
        {t('title')}
        <Show when={pendingCount()}>{(count) => <span class="count">{t('pendingCount', { count: format(count()) })}</span>}</Show>
      </h2>
      <p>{t('intro')}</p>
      <div class="field" style={{ 'max-width': '16rem' }}>
        <label for="mobility-request-status">{t('statusFilter')}</label>
        <select id="mobility-request-status" value={status()} onChange={(event) => setStatus(event.currentTarget.value as RequestStatus)}>
          <For each={statuses}>{(s) => <option value={s} selected={s === status()}>{t(`status.${s}`)}</option>}</For>
        </select>
      </div>
      <p role="status">{said()}</p>
      <Show when={!requests.error} fallback={<ErrorNotice message={describeError(requests.error)} onRetry={refetch} />}>
        <Show when={requests.latest} fallback={<Loading />}>
          {(answer) => (
            <Show when={answer().rows.length > 0} fallback={<p>{t('empty')}</p>}>
              <ul aria-busy={requests.loading}>
                <For each={answer().rows}>
                  {(request) => <RequestCard request={request} onDecided={(text) => { setSaid(text); refetch(); }} />}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
    </section>
  );
}
