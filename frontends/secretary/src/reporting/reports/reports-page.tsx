import { For, Match, Show, Suspense, Switch, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { formatDate } from '../../shared/format-date.ts';
import { c } from '../../shared/messages.ts';
import { MonthField } from '../../shared/month-field.tsx';
import { createOrgNames } from '../../shared/names.ts';
import { chinaMonth, isMonth } from '@tongxin/calendar';
import { ReportingStyles } from '../../shared/reporting-styles.tsx';
import { t } from './messages.ts';
import { ReportDetail } from './report-detail.tsx';
import { ReportRate } from './report-rate.tsx';

/** Who has and has not reported for a month (this month in China time by default). */
export default function ReportsPage() {
  const [period, setPeriod] = createSignal(chinaMonth(new Date()));
  const [onlyMissing, setOnlyMissing] = createSignal(false);
  const [open, setOpen] = createSignal<{ reportId: string; name: string } | null>(null);
  const [said, setSaid] = createSignal('');
  const input = () => (isMonth(period()) ? { period: period() } : undefined);
  const [status, status$] = createResource(input, (query) => reporting.monthlyReports.status.query(query));
  const [version, setVersion] = createSignal(0);
  const refetch = () => {
    setVersion(version() + 1);
    status$.refetch();
  };
  const rows = () => (status.latest ?? []).filter((row) => !onlyMissing() || !row.reported);
  const orgName = createOrgNames();
  const reportedCount = () => (status.latest ?? []).filter((row) => row.reported).length;

  return (
    <section class="reporting">
      <ReportingStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div class="toolbar">
        <MonthField id="reports-period" value={period()} onChange={(value) => { setPeriod(value); setOpen(null); }} />
        <label style={{ display: 'flex', gap: '0.5rem', 'align-items': 'center', 'min-height': '2.5rem' }}>
          <input type="checkbox" checked={onlyMissing()} onChange={(event) => setOnlyMissing(event.currentTarget.checked)} />
          {t('onlyMissing')}
        </label>
        <button type="button" class="secondary" onClick={refetch}>{c('refresh')}</button>
      </div>
      <p role="status">{said()}</p>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Match when={status.error}>
            <ErrorNotice message={describeError(status.error)} onRetry={refetch} />
          </Match>
          <Match when={status.latest}>
            {(all) => (
              <>
                <p>
                  <strong>{t('summary', { reported: format(reportedCount()), members: format(all().length) })}</strong>
                </p>
                <Show when={rows().length > 0} fallback={<p>{all().length === 0 ? t('empty') : t('noneMissing')}</p>}>
                  {/* Focusable, so a keyboard can scroll the table sideways on a phone. */}
                  <div class="table-scroll" tabindex="0" role="region" aria-label={t('title')}>
                    <table aria-busy={status.loading}>
                      <thead>
                        <tr>
                          <th scope="col">{c('name')}</th>
                          <th scope="col">{t('state')}</th>
                          <th scope="col">{c('branch')}</th>
                          <th scope="col">{t('submittedAt')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={rows()}>
                          {(row) => (
                            <tr>
                              <th scope="row">{row.name}</th>
                              <td>
                                <Show when={row.reported} fallback={<span class="badge badge-warn">{t('notReported')}</span>}>
                                  <span class="badge badge-good">{t('reported')}</span>
                                  <Show when={row.acknowledged}> <span class="badge">{t('acknowledged')}</span></Show>
                                  <Show when={row.reportId}>
                                    {(reportId) => (
                                      <>
                                        {' '}
                                        <button type="button" class="secondary small" aria-label={t('open', { name: row.name })} onClick={() => setOpen({ reportId: reportId(), name: row.name })}>
                                          {t('view')}
                                        </button>
                                      </>
                                    )}
                                  </Show>
                                </Show>
                              </td>
                              <td>{orgName(row.branchId)}</td>
                              <td>{row.submittedAt ? formatDate(String(row.submittedAt), true) : ''}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </Show>
              </>
            )}
          </Match>
        </Switch>
      </Suspense>
      <Show when={open()} keyed>
        {(report) => (
          <ReportDetail
            reportId={report.reportId}
            name={report.name}
            period={period()}
            onClose={() => setOpen(null)}
            onDone={(text) => {
              setSaid(text);
              setOpen(null);
              refetch();
            }}
          />
        )}
      </Show>
      <ReportRate period={period()} version={version()} />
    </section>
  );
}
