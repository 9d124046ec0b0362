import { For, Match, Show, Switch, createResource } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, describeError } from '@tongxin/ui';
import { isPeriod } from '../common/period.ts';
import { t } from './messages.ts';

/** The reporting rate per branch (and township) for the chosen month. */
export function ReportRate(props: { period: string; orgId?: string }) {
  const input = () => (isPeriod(props.period) ? { period: props.period, orgId: props.orgId } : undefined);
  const [rate, { refetch }] = createResource(input, (query) => reporting.monthlyReports.rate.query(query));
  const percent = (share: number) => format(share, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section aria-labelledby="report-rate-title">
      <h2 id="report-rate-title">{t('rateTitle')}</h2>
      <Switch>
        <Match when={rate.error}>
          <ErrorNotice message={describeError(rate.error)} onRetry={refetch} />
        </Match>
        <Match when={rate.latest}>
          {(rows) => (
            <Show when={rows().length > 0} fallback={<p>{t('rateEmpty')}</p>}>
              <div class="table-scroll">
                <table aria-busy={rate.loading}>
                  <thead>
                    <tr>
                      <th scope="col">{t('rateOrg')}</th>
                      <th scope="col">{t('rateCount')}</th>
                      <th scope="col">{t('rate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={rows()}>
                      {(row) => (
                        <tr>
                          <th scope="row">{row.name}</th>
                          <td>
                            {format(row.reported)} / {format(row.members)}
                          </td>
                          <td>{row.members > 0 ? percent(row.reported / row.members) : '—'}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
