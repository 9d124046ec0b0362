import { Show } from 'solid-js';
import { t as words } from '@tongxin/i18n';
import { formatDate } from '../shared/format-date.ts';
import { t } from './request-messages.ts';
import type { QueuedRequest } from './request-types.ts';

/** What the member filed, as a list of terms: the departure's or the return's facts. */
export function RequestFacts(props: { request: QueuedRequest }) {
  const r = () => props.request;
  return (
    <dl class="request-facts">
      <dt>{t('branch')}</dt>
      <dd>{r().branch}</dd>
      <Show
        when={r().kind === 'outflow'}
        fallback={
          <>
            <dt>{t('returnedOn')}</dt>
            <dd>{formatDate(r().returnedOn)}</dd>
            <dt>{t('activities')}</dt>
            <dd class="quote">{r().reportActivities}</dd>
            <Show when={r().reportJoinedOrg}>
              <dt>{t('joinedOrg')}</dt>
              <dd>{r().reportJoinedOrg}</dd>
            </Show>
            <dt>{t('meetings')}</dt>
            <dd>{t('meetingsCount', { count: r().reportMeetings ?? 0 })}</dd>
          </>
        }
      >
        <dt>{t('leftOn')}</dt>
        <dd>{formatDate(r().leftOn)}</dd>
        <dt>{t('destination')}</dt>
        <dd>{[r().destinationProvince, r().destinationCity].filter(Boolean).join(' ')}</dd>
        <dt>{t('reason')}</dt>
        <dd>
          {r().reasonCode ? words(`awayReason.${r().reasonCode!}`) : ''}
          <Show when={r().reason}>{(note) => <>：{note()}</>}</Show>
        </dd>
        <dt>{t('expectedMonths')}</dt>
        <dd>{t('months', { count: r().expectedMonths ?? 0 })}</dd>
        <dt>{t('contactPhone')}</dt>
        <dd>{r().contactPhone}</dd>
      </Show>
      <dt>{t('filedAt')}</dt>
      <dd>{formatDate(String(r().filedAt), true)}</dd>
      <Show when={r().refusalReason}>
        <dt>{t('refusal')}</dt>
        <dd>{r().refusalReason}</dd>
      </Show>
    </dl>
  );
}
