import { For, Match, Show, Switch, createEffect, createResource } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { formatDate } from '../../shared/format-date.ts';
import { c } from '../../shared/messages.ts';
import { ReportPager } from './report-pager.tsx';
import { clampPage, listQuery, type ListView } from './report-paging.ts';
import { t } from './messages.ts';

/** One page of the members under the chosen org who must report, not reported first. */
export function ReportList(props: { view: ListView; version: number; onPage: (page: number) => void; onOpen: (report: { reportId: string; name: string }) => void }) {
  const input = () => {
    const query = listQuery(props.view);
    return query && { ...query, version: props.version };
  };
  const [list, { refetch }] = createResource(input, ({ version: _version, ...query }) => reporting.monthlyReports.list.query(query));
  // A page past the end (reports came in under "only missing"): the last page instead.
  createEffect(() => {
    const total = list.latest?.total;
    if (total !== undefined && clampPage(props.view.page, total) !== props.view.page) props.onPage(clampPage(props.view.page, total));
  });
  return (
    <section aria-labelledby="report-list-title">
      <h2 id="report-list-title">{t('listTitle')}</h2>
      <Switch fallback={<Loading />}>
        <Match when={list.error}>
          <ErrorNotice message={describeError(list.error)} onRetry={refetch} />
        </Match>
        <Match when={list.latest}>
          {(page) => (
            <Show when={page().items.length > 0} fallback={<p>{props.view.onlyMissing && props.view.page === 1 ? t('noneMissing') : t('empty')}</p>}>
              <table class="stack-table" aria-busy={list.loading} aria-labelledby="report-list-title">
                <thead>
                  <tr>
                    <th scope="col">{c('name')}</th>
                    <th scope="col">{t('state')}</th>
                    <th scope="col">{c('branch')}</th>
                    <th scope="col">{t('submittedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={page().items}>
                    {(row) => (
                      <tr>
                        <th scope="row">{row.name}</th>
                        <td data-label={t('state')}>
                          <Show when={row.reported} fallback={<span class="badge badge-warn">{t('notReported')}</span>}>
                            <span class="badge badge-good">{t('reported')}</span>
                            <Show when={row.acknowledged}> <span class="badge">{t('acknowledged')}</span></Show>
                            <Show when={row.reportId}>
                              {(reportId) => (
                                <>
                                  {' '}
                                  <button type="button" class="secondary small" aria-label={t('open', { name: row.name })} onClick={() => props.onOpen({ reportId: reportId(), name: row.name })}>
                                    {t('view')}
                                  </button>
                                </>
                              )}
                            </Show>
                          </Show>
                        </td>
                        <td data-label={c('branch')}>{row.branchName}</td>
                        <td data-label={t('submittedAt')}>{row.submittedAt ? formatDate(String(row.submittedAt), true) : ''}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <ReportPager page={props.view.page} total={page().total} busy={list.loading} onPage={props.onPage} />
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
