import { For, Match, Show, Switch, createEffect, createResource, on } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, describeError } from '@tongxin/ui';
import { isMonth } from '@tongxin/calendar';
import { OrgTrail } from './org-trail.tsx';
import { t } from './messages.ts';

const percent = (share: number | null) => (share === null ? '—' : format(share, { style: 'percent', maximumFractionDigits: 0 }));

/**
 * The chosen org's reporting rate for the month and its children's, the level below (a
 * county's townships, a township's branches): each child's row opens it.
 */
export function ReportRate(props: { period: string; orgId: string | undefined; version: number; onOrg: (orgId: string) => void }) {
  // `version` changes when the page refreshes its list, so the rate never lags behind it.
  const input = () => (isMonth(props.period) ? { period: props.period, orgId: props.orgId, version: props.version } : undefined);
  const [rate, { refetch }] = createResource(input, ({ period, orgId }) => reporting.monthlyReports.byOrg.query(orgId ? { period, orgId } : { period }));
  let heading: HTMLHeadingElement | undefined;
  // An org opened from the table or the trail: its heading takes the focus (the table is replaced).
  createEffect(on(() => rate.latest?.org.id, (id, before) => { if (before && id !== before) heading?.focus(); }));
  return (
    <section aria-labelledby="report-rate-title">
      <Switch>
        <Match when={rate.error}>
          <h2 id="report-rate-title">{t('rateTitle')}</h2>
          <ErrorNotice message={describeError(rate.error)} onRetry={refetch} />
        </Match>
        <Match when={rate.latest}>
          {(r) => (
            <>
              <OrgTrail tops={r().tops} trail={r().trail} onOrg={props.onOrg} />
              <h2 id="report-rate-title" tabindex="-1" ref={heading}>{r().org.name}</h2>
              <p>
                <strong>{t('orgSummary', { org: t('rateTotal'), reported: format(r().total.reported), required: format(r().total.required), rate: percent(r().total.rate) })}</strong>
              </p>
              <Show when={r().children.length > 0} fallback={<p>{t('rateChildrenNone')}</p>}>
                <table class="stack-table" aria-busy={rate.loading} aria-labelledby="report-rate-title">
                  <thead>
                    <tr>
                      <th scope="col">{t('rateOrg')}</th>
                      <th scope="col">{t('rateCount')}</th>
                      <th scope="col">{t('rate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={r().children}>
                      {(row) => (
                        <tr>
                          <th scope="row">
                            <button type="button" class="link-button" aria-label={t('rateOpen', { name: row.name })} onClick={() => props.onOrg(row.orgId)}>
                              {row.name}
                            </button>
                          </th>
                          <td data-label={t('rateCount')}>{format(row.reported)} / {format(row.required)}</td>
                          <td data-label={t('rate')}>{percent(row.rate)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
