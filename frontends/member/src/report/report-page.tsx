import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { SectionStyles } from '../parts/section-styles.tsx';
import { day, when } from '../parts/when.ts';
import type { Profile } from '../profile.ts';
import { bigButton } from '../touch.ts';
import { m } from './messages.ts';
import { chinaMonth } from '@tongxin/calendar';
import { ReportForm } from './report-form.tsx';
import type { Report } from './report-types.ts';

/** A sent report: when, whether the secretary has read it, and the reply. */
function ReportCard(props: { report: Report }) {
  return (
    <>
      <p class="muted">
        {m('submittedAt', { date: when(props.report.submittedAt) })} · {m('version', { n: props.report.version })}
      </p>
      <p>
        <Show when={props.report.acknowledgedAt} fallback={<span class="badge badge-wait">{m('waiting')}</span>}>
          {(at) => <span class="badge badge-ok">{m('acknowledged', { date: day(at()) })}</span>}
        </Show>
      </p>
      <p style={{ 'white-space': 'pre-wrap' }}>{props.report.summary}</p>
      <Show when={props.report.comment}>
        {(comment) => <p class="reply">{m('reply', { comment: comment() })}</p>}
      </Show>
    </>
  );
}

/** 月报: this month's report (send, or change it until acknowledged) and the earlier ones. */
export default function ReportPage(props: { me: Profile; onLedgerChanged: () => void }) {
  // Reports are due per calendar month in Beijing, whatever the phone's clock says.
  const period = chinaMonth(new Date());
  const [reports, { refetch }] = createResource(() => reporting.monthlyReports.mine.query());
  const [editing, setEditing] = createSignal(false);
  const [said, setSaid] = createSignal('');
  const thisMonth = () => reports.latest?.find((report) => report.period === period);
  const earlier = () => reports.latest?.filter((report) => report.period !== period) ?? [];

  return (
    <section aria-labelledby="report-heading">
      <SectionStyles />
      <h2 id="report-heading">{m('title', { period })}</h2>
      <p class="muted">{m('intro')}</p>
      <p role="status">{said()}</p>
      <Switch>
        <Match when={reports.error}>
          <ErrorNotice message={describeError(reports.error)} onRetry={refetch} />
        </Match>
        <Match when={reports.latest}>
          <Show
            when={thisMonth() && !editing() ? thisMonth() : undefined}
            fallback={
              <ReportForm
                period={period}
                me={props.me}
                current={thisMonth()}
                onLedgerChanged={props.onLedgerChanged}
                onCancel={thisMonth() ? () => setEditing(false) : undefined}
                onSent={() => {
                  setSaid(m('submitted'));
                  setEditing(false);
                  refetch();
                }}
              />
            }
          >
            {(report) => (
              <div class="card">
                <ReportCard report={report()} />
                <Show when={!report().acknowledgedAt} fallback={<p class="muted">{m('locked')}</p>}>
                  <button type="button" class="secondary" style={{ ...bigButton, 'margin-top': '0.5rem' }} onClick={() => { setSaid(''); setEditing(true); }}>
                    {m('edit')}
                  </button>
                </Show>
              </div>
            )}
          </Show>
          <h3>{m('history')}</h3>
          <Show when={earlier().length > 0} fallback={<p>{m('noReports')}</p>}>
            <ul class="cards">
              <For each={earlier()}>
                {(report) => (
                  <li class="card">
                    <h3>{report.period}</h3>
                    <ReportCard report={report} />
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Match>
        <Match when={reports.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
