import { For, Match, Show, Switch, createResource } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, describeError } from '@tongxin/ui';
import { createOrgNames } from '../../shared/names.ts';
import { isMonth } from '@tongxin/calendar';
import { t } from './messages.ts';

type Rate = Awaited<ReturnType<typeof reporting.monthlyReports.rate.query>>;
type Row = Rate['branches'][number];

/** The reporting rate per township and branch for the chosen month, with the total. */
export function ReportRate(props: { period: string; version: number }) {
  // `version` changes when the page refreshes its list, so the rate never lags behind it.
  const input = () => (isMonth(props.period) ? { period: props.period, version: props.version } : undefined);
  const [rate, { refetch }] = createResource(input, ({ period }) => reporting.monthlyReports.rate.query({ period }));
  const orgName = createOrgNames();
  const percent = (share: number | null) => (share === null ? '—' : format(share, { style: 'percent', maximumFractionDigits: 0 }));
  const Line = (p: { name: string; row: { required: number; reported: number; rate: number | null } }) => (
    <tr>
      <th scope="row">{p.name}</th>
      <td>{format(p.row.reported)} / {format(p.row.required)}</td>
      <td>{percent(p.row.rate)}</td>
    </tr>
  );
  return (
    <section aria-labelledby="report-rate-title">
      <h2 id="report-rate-title">{t('rateTitle')}</h2>
      <Switch>
        <Match when={rate.error}>
          <ErrorNotice message={describeError(rate.error)} onRetry={refetch} />
        </Match>
        <Match when={rate.latest}>
          {(r) => (
            <Show when={r().total.required > 0} fallback={<p>{t('rateEmpty')}</p>}>
              <div class="table-scroll" tabindex="0" role="region" aria-labelledby="report-rate-title">
                <table aria-busy={rate.loading}>
                  <thead>
                    <tr>
                      <th scope="col">{t('rateOrg')}</th>
                      <th scope="col">{t('rateCount')}</th>
                      <th scope="col">{t('rate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <Line name={t('rateTotal')} row={r().total} />
                    {/* Orgs outside the caller's tree (a branch secretary's township) have no name here: left out. */}
                    <For each={r().townships.filter((row: Row) => orgName(row.orgId))}>{(row: Row) => <Line name={orgName(row.orgId)} row={row} />}</For>
                    <For each={r().branches.filter((row: Row) => orgName(row.orgId))}>{(row: Row) => <Line name={orgName(row.orgId)} row={row} />}</For>
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
