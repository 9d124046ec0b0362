import { For, createResource } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ResourceList } from '@tongxin/ui';
import { formatDate } from '../../shared/format-date.ts';
import { c } from '../../shared/messages.ts';
import { t } from './messages.ts';
import { CheckinStatusBadge } from './status-badge.tsx';

/** The home side: where the caller's members have checked in, and how it stands (read only). */
export function HomeCheckins() {
  const [rows, { refetch }] = createResource(() => reporting.checkins.forHome.query({}));
  return (
    <section aria-labelledby="checkin-home-title">
      <h2 id="checkin-home-title">{t('homeTitle')}</h2>
      <ResourceList resource={rows} onRetry={refetch} empty={t('homeEmpty')}>
        {(list) => (
          <div class="table-scroll" tabindex="0" role="region" aria-labelledby="checkin-home-title">
            <table>
              <caption>{c('count', { count: String(list().length) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{c('name')}</th>
                  <th scope="col">{t('to')}</th>
                  <th scope="col">{c('status')}</th>
                  <th scope="col">{t('submittedAt')}</th>
                  <th scope="col">{t('reason')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(row) => (
                    <tr>
                      <th scope="row">{row.memberName}</th>
                      <td>{row.destOrgName}</td>
                      <td>
                        <CheckinStatusBadge status={row.status} />
                      </td>
                      <td>{formatDate(String(row.createdAt))}</td>
                      <td>{row.reason ?? ''}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </ResourceList>
      <button type="button" class="secondary" onClick={refetch}>{c('refresh')}</button>
    </section>
  );
}
