import { For, Match, Show, Switch, createResource, createSignal, onCleanup } from 'solid-js';
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
import { AsOf, readKept } from '../shared/kept-read.tsx';
import { m as offline } from '../shared/offline-messages.ts';
import { writeStatus } from '../shared/queued-writes.tsx';
import { onWriteSettled, queuedWrites } from '../shared/write-queue.ts';

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
  const [reports, { refetch }] = createResource(() => readKept('reports', () => reporting.monthlyReports.mine.query()));
  const [editing, setEditing] = createSignal(false);
  const [said, setSaid] = createSignal('');
  // This month's report waiting in the phone's queue (issue 18): shown in place of the form.
  const waiting = () => queuedWrites().find((write) => write.kind === 'report.submit' && write.subject === period);
  onCleanup(onWriteSettled((write) => write.kind === 'report.submit' && refetch()));
  const thisMonth = () => reports.latest?.find((report) => report.period === period);
  const earlier = () => reports.latest?.filter((report) => report.period !== period) ?? [];

  return (
    <section aria-labelledby="report-heading">
      <SectionStyles />
      <h2 id="report-heading">{m('title', { period })}</h2>
      <p class="muted">{m('intro')}</p>
      <p role="status">{said()}</p>
      <AsOf name="reports" />
      <Switch>
        <Match when={waiting()}>
          {(write) => (
            <div class="card">
              <p>
                <span class={`badge ${write().state === 'refused' ? 'badge-bad' : 'badge-wait'}`}>{writeStatus(write())}</span>
              </p>
              <p style={{ 'white-space': 'pre-wrap' }}>{(write().input as { summary?: string }).summary}</p>
              <p class="muted">{offline('queueIntro')}</p>
            </div>
          )}
        </Match>
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
                onSent={(queued) => {
                  setSaid(queued ? offline('queued') : m('submitted'));
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
