import { For, Show, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import type { ErrorCode } from '@tongxin/errors';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { checkText } from '../parts/field-problem.ts';
import { m as common } from '../parts/messages.ts';
import { TextField } from '../parts/text-field.tsx';
import { day, when } from '../parts/when.ts';
import { bigButton } from '../touch.ts';
import { m, type MeetingMessageKey } from './messages.ts';
import { m as words, type PartsMessageKey } from '../parts/messages.ts';
import { ShareButton, meetingLink, meetingShareText, shareLabel } from '@tongxin/ui/share-button';
import { m as offline } from '../shared/offline-messages.ts';
import { writeStatus } from '../shared/queued-writes.tsx';
import { queuedWrites, sendOrQueue } from '../shared/write-queue.ts';

export type Meeting = Awaited<ReturnType<typeof reporting.meetings.forMe.query>>['upcoming'][number];
const RESPONSES = ['in_person', 'online', 'cannot_attend'] as const;
type Response = (typeof RESPONSES)[number];

const say = (key: string, fallback: string) => m(key as MeetingMessageKey) ?? fallback;

/** The server's window rules for 视同参会 (report-instead.ts, by code), in this card's words; other problems as usual. */
function windowProblem(code: ErrorCode | undefined, days: number): string | undefined {
  if (code === 'meeting_not_started') return m('reportNotYet', { days });
  if (code === 'report_window_closed') return m('reportClosed', { days });
  if (code === 'meeting_cancelled') return m('reportCancelled');
  return undefined;
}

/**
 * One meeting: when, where, agenda; before it the member answers (one tap each); a member who
 * cannot attend may send a report instead (视同参会) from the meeting's start until its
 * deadline (at most a set number of days after the end; before the start the card says when).
 */
export function MeetingCard(props: { meeting: Meeting; onChanged: (said: string) => void }) {
  const [writing, setWriting] = createSignal(false);
  const [text, setText] = createSignal('');
  const [problem, setProblem] = createSignal<string>();
  // Answering sets one value per member and meeting: a repeat changes nothing, no key needed.
  // Offline the answer waits in the phone's queue (issue 18).
  const respond = createAction((response: Response) =>
    sendOrQueue<Awaited<ReturnType<typeof reporting.meetings.respond.mutate>>>('meeting.respond', { meetingId: props.meeting.meetingId, response }, { label: props.meeting.title, subject: props.meeting.meetingId }));
  /** This meeting's answer waiting in the queue, or refused since. */
  const queuedAnswer = () => queuedWrites().find((write) => write.kind === 'meeting.respond' && write.subject === props.meeting.meetingId);
  const report = createAction((input: string) => reporting.meetings.reportInstead.mutate({ meetingId: props.meeting.meetingId, report: input }));
  const upcoming = () => new Date(props.meeting.endsAt) > new Date() && !props.meeting.cancelledAt;
  const notStarted = () => !props.meeting.cancelledAt && !props.meeting.attendance && new Date(props.meeting.reportOpensAt) > new Date();

  async function answer(response: Response) {
    const done = await respond.run(response);
    if (done && 'queued' in done.output) return props.onChanged(offline('queued'));
    if (done) {
      props.onChanged(m('responded', { response: say(`response.${response}`, response) }));
      if (response === 'cannot_attend' && props.meeting.canReportInstead) setWriting(true);
    }
  }

  async function sendReport(event: SubmitEvent) {
    event.preventDefault();
    const local = checkText(text(), { required: true, max: 2000 });
    if (local) return setProblem(local);
    setProblem(undefined);
    if (await report.run(text().trim())) {
      setWriting(false);
      props.onChanged(m('reportSent'));
    } else setProblem(windowProblem(report.codes().meetingId?.code, props.meeting.reportWindowDays) ?? report.fields().report);
  }

  return (
    <li class="card">
      <p class="muted">
        {words(`meeting.${props.meeting.kind}` as PartsMessageKey) ?? props.meeting.kind} · {say(`mode.${props.meeting.mode}`, props.meeting.mode)}
        <Show when={props.meeting.cancelledAt}> · <span class="badge badge-bad">{m('cancelled')}</span></Show>
      </p>
      <h3 id={`meeting-${props.meeting.meetingId}`}>{props.meeting.title}</h3>
      <Show when={queuedAnswer()}>
        {(write) => (
          <p role={write().state === 'refused' ? 'alert' : undefined}>
            <span class={`badge ${write().state === 'refused' ? 'badge-bad' : 'badge-wait'}`}>{offline('label.respond', { title: props.meeting.title })} · {writeStatus(write())}</span>
          </p>
        )}
      </Show>
      <p>{m('time', { time: when(props.meeting.startsAt) })}</p>
      <Show when={props.meeting.location}>{(place) => <p>{m('location', { location: place() })}</p>}</Show>
      <Show when={props.meeting.onlineLink}>
        {(link) => <p><a href={link()} target="_blank" rel="noopener noreferrer">{m('online')}</a></p>}
      </Show>
      <Show when={props.meeting.agenda}>
        <details>
          <summary style={{ cursor: 'pointer', 'min-height': '2rem' }}>{m('agenda')}</summary>
          <p style={{ 'white-space': 'pre-wrap' }}>{props.meeting.agenda}</p>
        </details>
      </Show>
      <Show when={props.meeting.attendance}>
        {(kind) => <p><span class={`badge ${kind() === 'absent' ? 'badge-bad' : 'badge-ok'}`}>{say(`attendance.${kind()}`, kind())}</span></p>}
      </Show>
      <Show when={props.meeting.reportedAt}>{(at) => <p class="muted">{m('reportedAt', { date: day(at()) })}</p>}</Show>

      <Show when={upcoming()}>
        <fieldset class="choices" style={{ 'margin-top': '0.5rem' }}>
          <legend>{m('respondTitle')}</legend>
          <For each={RESPONSES.filter((r) => props.meeting.mode === 'both' || r === 'cannot_attend' || r === props.meeting.mode)}>
            {(response) => (
              <label class="choice">
                <input type="radio" name={`response-${props.meeting.meetingId}`} checked={props.meeting.response === response}
                  disabled={respond.pending()} onChange={() => answer(response)} />
                <span>{say(`response.${response}`, response)}</span>
              </label>
            )}
          </For>
        </fieldset>
        <Show when={respond.pending()}><p role="status">{m('saving')}</p></Show>
        <Show when={respond.error()}><ErrorNotice message={describeError(respond.error())} /></Show>
      </Show>

      <Show when={notStarted()}>
        <p class="muted">{m('reportOpensLater', { deadline: when(props.meeting.reportDeadline), days: props.meeting.reportWindowDays })}</p>
      </Show>

      <Show when={props.meeting.canReportInstead && props.meeting.attendance !== 'reported'}>
        <Show
          when={writing()}
          fallback={
            <button type="button" class="secondary" style={{ ...bigButton, 'margin-top': '0.5rem' }} onClick={() => setWriting(true)}>
              {m('reportInstead')}
            </button>
          }
        >
          <form class="form" noValidate onSubmit={sendReport} style={{ 'margin-top': '0.75rem' }}>
            <TextField id={`report-${props.meeting.meetingId}`} label={m('report')} multiline max={2000}
              hint={m('reportHint', { deadline: when(props.meeting.reportDeadline) })}
              value={text()} onInput={setText} error={problem()} />
            <Show when={report.error() && !problem()}>
              <ErrorNotice message={describeError(report.error())} detail={common('retryHint')} />
            </Show>
            <button type="submit" style={bigButton} disabled={report.pending()} aria-busy={report.pending()}>
              {report.pending() ? m('sendingReport') : m('sendReport')}
            </button>
            <button type="button" class="secondary" style={bigButton} onClick={() => setWriting(false)}>
              {common('cancel')}
            </button>
          </form>
        </Show>
      </Show>
      <Show when={upcoming()}>
        <div style={{ 'margin-top': '0.5rem' }}>
          <ShareButton
            id={`meeting-${props.meeting.meetingId}`}
            label={shareLabel(props.meeting.title)}
            title={props.meeting.title}
            text={meetingShareText(props.meeting)}
            url={meetingLink(props.meeting.meetingId)}
          />
        </div>
      </Show>
    </li>
  );
}
