import { For, Show, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ResourceList } from '@tongxin/ui';
import { formatDate } from '../../shared/format-date.ts';
import { c } from '../../shared/messages.ts';
import { createTenantNames } from '../../shared/names.ts';
import { CHECKIN_STATUSES, isOpen, type CheckinStatus, type InboxCheckin } from './checkin-api.ts';
import { CheckinDecision } from './checkin-decision.tsx';
import { t, type CheckinsMessageKey } from './messages.ts';
import { CheckinStatusBadge } from './status-badge.tsx';

/** The member's name when the inbox carries it; else who they are by county (the row's own facts). */
export function memberLabel(row: InboxCheckin, county: (tenantId: string) => string = (id) => id): string {
  const name = (row as { memberName?: string | null }).memberName;
  return name || t('memberOf', { county: county(row.memberTenantId) });
}

/** The destination side: check-ins with the caller's orgs, to accept, refuse, return or end. */
export function CheckinInbox(props: { onSaid: (text: string) => void }) {
  const [status, setStatus] = createSignal<CheckinStatus | ''>('pending');
  const [inbox, { refetch }] = createResource(status, (s) => reporting.checkins.inbox.query(s ? { status: s } : {}));
  const county = createTenantNames();

  return (
    <section aria-labelledby="checkin-inbox-title">
      <h2 id="checkin-inbox-title">{t('inboxTitle')}</h2>
      <div class="toolbar">
        <div class="field">
          <label for="checkin-inbox-status">{t('filter')}</label>
          <select id="checkin-inbox-status" value={status()} onChange={(event) => setStatus(event.currentTarget.value as CheckinStatus | '')}>
            <option value="">{c('anyStatus')}</option>
            <For each={CHECKIN_STATUSES}>{(s) => <option value={s}>{t(`status.${s}` as CheckinsMessageKey)}</option>}</For>
          </select>
        </div>
      </div>
      <ResourceList resource={inbox} onRetry={refetch} empty={t('inboxEmpty')}>
        {(rows) => (
          <ul class="cards" aria-busy={inbox.loading}>
            <For each={rows()}>
              {(row) => (
                <li class="card">
                  <h3>{memberLabel(row, county)}</h3>
                  <p>
                    <CheckinStatusBadge status={row.status} />
                  </p>
                  <p class="meta">
                    {t('from')}：{county(row.memberTenantId)}
                    <Show when={row.homeBranch}>{(branch) => <> · {branch()}</>}</Show>
                  </p>
                  <p class="meta">
                    {t('to')}：{row.destOrgName} · {t('submittedAt')}：{formatDate(String(row.createdAt), true)}
                  </p>
                  <p class="meta">
                    {t('homeContact')}：
                    <Show when={row.homeContacts.length > 0} fallback={t('homeContactNone')}>
                      <For each={row.homeContacts}>
                        {(contact, index) => (
                          <>
                            <Show when={index() > 0}>{'、'}</Show>
                            {contact.name}
                            <Show when={contact.phone}>{(phone) => <> <a href={`tel:${phone()}`}>{phone()}</a></>}</Show>
                          </>
                        )}
                      </For>
                    </Show>
                  </p>
                  <p class="meta">
                    {t('certificate')}：
                    <Show when={row.certificate} fallback={t('certificateNone')}>
                      {(certificate) => t('certificateLine', { number: certificate().number, validUntil: certificate().validUntil, state: t(`certificate.${certificate().state}`) })}
                    </Show>
                  </p>
                  <Show when={row.note}>
                    <p>
                      {t('note')}：{row.note}
                    </p>
                  </Show>
                  <Show when={row.reason}>
                    <p>
                      {t('reason')}：{row.reason}
                    </p>
                  </Show>
                  <Show when={isOpen(row.status)}>
                    <CheckinDecision
                      checkin={row}
                      county={county}
                      onDone={(text) => {
                        props.onSaid(text);
                        refetch();
                      }}
                    />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </ResourceList>
    </section>
  );
}
