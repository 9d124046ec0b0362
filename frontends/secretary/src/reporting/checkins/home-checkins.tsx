import { For, Show, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ResourceList } from '@tongxin/ui';
import { formatDate } from '../../shared/format-date.ts';
import { c } from '../../shared/messages.ts';
import { t } from './messages.ts';
import { CheckinStatusBadge } from './status-badge.tsx';
import { ResendLinkButton } from './resend-link-button.tsx';

/**
 * The home side: where the caller's members have checked in, and how it stands. An
 * organization outside Tongxin (issue 17) shows its contact and link, which the branch may send again.
 */
export function HomeCheckins() {
  const [rows, { refetch }] = createResource(() => reporting.checkins.forHome.query({}));
  const [said, setSaid] = createSignal('');
  return (
    <section aria-labelledby="checkin-home-title">
      <h2 id="checkin-home-title">{t('homeTitle')}</h2>
      <p role="status">{said()}</p>
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
                      <td>
                        {row.destOrgName}
                        <Show when={row.outside}>
                          <p class="meta">{t('outside')} · {row.outsideCity}</p>
                          <p class="meta">{t('outsideContact', { name: row.outsideContactName ?? '', phone: row.outsideContactPhone ?? '' })}</p>
                        </Show>
                      </td>
                      <td>
                        <CheckinStatusBadge status={row.status} />
                        <Show when={row.outside && row.status === 'pending'}>
                          <p class="meta">{row.linkExpiresAt ? t('linkUntil', { date: formatDate(String(row.linkExpiresAt)) }) : t('linkDead')}</p>
                          <ResendLinkButton checkin={row} onSent={(text) => { setSaid(text); refetch(); }} />
                        </Show>
                      </td>
                      <td>{formatDate(String(row.createdAt))}</td>
                      <td>
                        <Show when={row.declineCode}>{(code) => <>{t(`decline.${code()}`)} </>}</Show>
                        {row.reason ?? ''}
                      </td>
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
