import { For, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ResourceList } from '@tongxin/ui';
import { t } from './messages.ts';
import { PlacementRow } from './placement-row.tsx';

type Status = 'pending' | 'confirmed' | 'dismissed';
const statuses: Status[] = ['pending', 'confirmed', 'dismissed'];

/** Proposals of the daily 6-month job, decided one by one. */
export function PlacementsSection() {
  const [status, setStatus] = createSignal<Status>('pending');
  const [said, setSaid] = createSignal('');
  const [placements, { refetch }] = createResource(status, (s) => roster.mobility.placements.query({ status: s }));

  return (
    <section aria-labelledby="placements-heading">
      <h2 id="placements-heading">{t('placementsTitle')}</h2>
      <p>{t('placementsIntro')}</p>
      <div class="field" style={{ 'max-width': '16rem' }}>
        <label for="placement-status">{t('statusFilter')}</label>
        <select id="placement-status" value={status()} onChange={(event) => setStatus(event.currentTarget.value as Status)}>
          <For each={statuses}>{(s) => <option value={s}>{t(`status.${s}`)}</option>}</For>
        </select>
      </div>
      <p role="status">{said()}</p>
      <ResourceList resource={placements} onRetry={refetch} empty={t('placementsEmpty')}>
        {(rows) => (
          <div class="table-scroll">
            <table aria-busy={placements.loading}>
              <caption>{t('placementsCaption', { count: format(rows().length) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('fromBranch')}</th>
                  <th scope="col">{t('toBranch')}</th>
                  <th scope="col">{t('awaySince')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(row) => (
                    <PlacementRow
                      row={row}
                      onDecided={() => {
                        setSaid(t('decided', { name: row.name }));
                        refetch();
                      }}
                    />
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </ResourceList>
    </section>
  );
}
