import { Match, Show, Suspense, Switch, createResource, createSignal, onMount } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, Loading, createAction, describeError } from '@tongxin/ui';
import { formatDate } from '../../shared/format-date.ts';
import { c } from '../../shared/messages.ts';
import { t } from './messages.ts';

/** One report: what the member wrote, and the secretary's acknowledgement or reply. */
export function ReportDetail(props: { reportId: string; name: string; period: string; onClose: () => void; onDone: (said: string) => void }) {
  const [report, { refetch }] = createResource(() => props.reportId, (reportId) => reporting.monthlyReports.get.query({ reportId }));
  const [comment, setComment] = createSignal('');
  const [missing, setMissing] = createSignal(false);
  const acknowledge = createAction((input: { reportId: string; comment?: string }) => reporting.monthlyReports.acknowledge.mutate(input));
  const reply = createAction((input: { reportId: string; comment: string }) => reporting.monthlyReports.comment.mutate(input));
  const pending = () => acknowledge.pending() || reply.pending();
  const failure = () => acknowledge.error() || reply.error();
  const commentError = () => (missing() ? t('commentMissing') : (acknowledge.fields().comment ?? reply.fields().comment));
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  async function onAcknowledge() {
    setMissing(false);
    const done = await acknowledge.run({ reportId: props.reportId, comment: comment().trim() || undefined });
    if (done) props.onDone(t('acknowledgedDone', { name: props.name }));
  }
  async function onComment() {
    setMissing(comment().trim() === '');
    if (missing()) return;
    const done = await reply.run({ reportId: props.reportId, comment: comment().trim() });
    if (done) props.onDone(t('commentDone', { name: props.name }));
  }

  return (
    <section class="card" aria-labelledby="report-detail-title" style={{ 'margin-top': '1rem' }}>
      <h2 id="report-detail-title" tabindex="-1" ref={heading}>
        {t('reportTitle', { name: props.name, period: props.period })}
      </h2>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Match when={report.error}>
            <ErrorNotice message={describeError(report.error)} onRetry={refetch} />
          </Match>
          <Match when={report()}>
            {(r) => (
              <>
                <dl class="facts">
                  <dt>{t('submittedAt')}</dt>
                  <dd>{formatDate(String(r().submittedAt), true)} · {t('version', { version: String(r().version) })}</dd>
                  <dt>{t('summaryField')}</dt>
                  <dd style={{ 'white-space': 'pre-wrap' }}>{r().summary}</dd>
                  <Show when={r().ledgerChange}>
                    <dt>{t('ledgerChange')}</dt>
                    <dd>{r().ledgerChange === 'updated' ? t('ledger.updated') : t('ledger.unchanged')}</dd>
                  </Show>
                  <Show when={r().study}>
                    <dt>{t('study')}</dt>
                    <dd style={{ 'white-space': 'pre-wrap' }}>{r().study}</dd>
                  </Show>
                  <Show when={r().difficulties || r().helpWanted}>
                    <dt>{t('difficulties')}</dt>
                    <dd style={{ 'white-space': 'pre-wrap' }}>
                      {r().difficulties}
                      <Show when={r().helpWanted}> <span class="badge badge-warn">{t('helpWanted')}</span></Show>
                    </dd>
                  </Show>
                  <Show when={r().comment}>
                    <dt>{t('yourComment')}</dt>
                    <dd>{r().comment}</dd>
                  </Show>
                </dl>
                <Show when={r().acknowledgedAt}>
                  <p>{t('alreadyAcknowledged', { date: formatDate(String(r().acknowledgedAt), true) })}</p>
                </Show>
                <div class="field">
                  <label for="report-comment">{t('comment')}</label>
                  <textarea
                    id="report-comment"
                    value={comment()}
                    aria-invalid={commentError() ? 'true' : undefined}
                    aria-describedby={commentError() ? 'report-comment-error' : undefined}
                    onInput={(event) => setComment(event.currentTarget.value)}
                  />
                  <Show when={commentError()}>
                    <p id="report-comment-error" class="field-error">{commentError()}</p>
                  </Show>
                </div>
                <div class="form-buttons">
                  <Show when={!r().acknowledgedAt}>
                    <button type="button" disabled={pending()} onClick={onAcknowledge}>{t('acknowledge')}</button>
                  </Show>
                  <button type="button" class="secondary" disabled={pending()} onClick={onComment}>{t('sendComment')}</button>
                  <button type="button" class="secondary" onClick={() => props.onClose()}>{c('close')}</button>
                </div>
                <Show when={failure() && !commentError()}>
                  <ErrorNotice message={describeError(failure())} />
                </Show>
              </>
            )}
          </Match>
        </Switch>
      </Suspense>
    </section>
  );
}
