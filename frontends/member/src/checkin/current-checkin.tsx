import { Show, createSignal, untrack } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { checkText } from '../parts/field-problem.ts';
import { m as common } from '../parts/messages.ts';
import { TextField } from '../parts/text-field.tsx';
import { day } from '../parts/when.ts';
import { bigButton } from '../touch.ts';
import { m } from './messages.ts';
import { StatusBadge } from './status-badge.tsx';
import type { Checkin } from './types.ts';

/** A check-in's facts: where, status, dates and the reason, labelled by who wrote it. */
export function CheckinFacts(props: { checkin: Checkin }) {
  return (
    <>
      <p style={{ 'font-weight': 600 }}>{props.checkin.destOrgName}</p>
      <Show when={props.checkin.outside}>
        <p class="muted">{m('outside.badge')} · {props.checkin.outsideCity}</p>
        <p class="muted">{m('outside.contact', { name: props.checkin.outsideContactName ?? '', phone: props.checkin.outsideContactPhone ?? '' })}</p>
      </Show>
      <p><StatusBadge status={props.checkin.status} /></p>
      <Show when={props.checkin.outside && props.checkin.status === 'pending'}>
        <p class="muted">
          {props.checkin.linkExpiresAt ? m('outside.linkUntil', { date: day(props.checkin.linkExpiresAt) }) : m('outside.noLink')}
        </p>
      </Show>
      <Show when={props.checkin.declineCode}>{(code) => <p class="reply">{m(`decline.${code()}`)}</p>}</Show>
      <Show when={props.checkin.certificate}>
        {(certificate) => <p class="muted">{m('certificate', { number: certificate().number, validUntil: certificate().validUntil })}</p>}
      </Show>
      <Show when={props.checkin.reason}>
        {(reason) => <p class="reply">{m(props.checkin.reasonIsMine ? 'myReason' : 'reason', { reason: reason() })}</p>}
      </Show>
      <Show when={props.checkin.note}>
        <p style={{ 'white-space': 'pre-wrap' }}>{props.checkin.note}</p>
      </Show>
      <p class="muted">
        {m('sentAt', { date: day(props.checkin.createdAt) })}
        <Show when={props.checkin.decidedAt}>{(at) => <> · {m('decidedAt', { date: day(at()) })}</>}</Show>
        <Show when={props.checkin.endedAt}>{(at) => <> · {m('endedAt', { date: day(at()) })}</>}</Show>
      </p>
    </>
  );
}

/**
 * The open check-in: returned for more information → add a note and send again; pending or
 * accepted → the member may end it (after a second tap that says what ending means).
 */
export function CurrentCheckin(props: { checkin: Checkin; onChanged: (said: string) => void }) {
  const [note, setNote] = createSignal(untrack(() => props.checkin.note ?? ''));
  const [reason, setReason] = createSignal('');
  const [confirming, setConfirming] = createSignal(false);
  const [problems, setProblems] = createSignal<Record<string, string>>({});
  const resubmit = createAction((input: { checkinId: string; note: string }, idempotencyKey: string) =>
    reporting.checkins.resubmit.mutate({ ...input, idempotencyKey }));
  // Ending is naturally idempotent: a second call finds it ended already.
  const end = createAction((input: { checkinId: string; reason?: string }) => reporting.checkins.end.mutate(input));

  async function sendAgain(event: SubmitEvent) {
    event.preventDefault();
    const problem = checkText(note(), { required: true, max: 500 });
    if (problem) return setProblems({ note: problem });
    setProblems({});
    if (await resubmit.run({ checkinId: props.checkin.id, note: note().trim() })) props.onChanged(m('resubmitted'));
    else setProblems(resubmit.fields());
  }

  async function endIt() {
    const problem = checkText(reason(), { max: 200 });
    if (problem) return setProblems({ reason: problem });
    if (await end.run({ checkinId: props.checkin.id, reason: reason().trim() || undefined })) props.onChanged(m('ended'));
    else setProblems(end.fields());
  }

  return (
    <section aria-labelledby="current-heading">
      <h3 id="current-heading">{m('current')}</h3>
      <div class="card">
        <CheckinFacts checkin={props.checkin} />
        <Show when={props.checkin.status === 'returned'}>
          <form class="form" noValidate onSubmit={sendAgain} style={{ 'margin-top': '0.75rem' }}>
            <TextField id="note" label={m('resubmitTitle')} multiline max={500} value={note()} onInput={setNote} error={problems().note} />
            <Show when={resubmit.error() && !problems().note}>
              <ErrorNotice message={describeError(resubmit.error())} detail={common('retryHint')} />
            </Show>
            <button type="submit" style={bigButton} disabled={resubmit.pending()} aria-busy={resubmit.pending()}>
              {resubmit.pending() ? m('sending') : m('resubmit')}
            </button>
          </form>
        </Show>
        <div style={{ 'margin-top': '0.75rem' }}>
          <Show
            when={confirming()}
            fallback={
              <button type="button" class="secondary" style={bigButton} onClick={() => setConfirming(true)}>
                {m('end')}
              </button>
            }
          >
            <div class="form" role="group" aria-labelledby="end-heading">
              <h4 id="end-heading" style={{ margin: 0 }}>{m('endTitle')}</h4>
              <p class="muted" style={{ margin: 0 }}>{m('endHint')}</p>
              <TextField id="reason" label={m('endReason')} optional max={200} value={reason()} onInput={setReason} error={problems().reason} />
              <Show when={end.error() && !problems().reason}>
                <ErrorNotice message={describeError(end.error())} />
              </Show>
              <button type="button" style={bigButton} disabled={end.pending()} aria-busy={end.pending()} onClick={endIt}>
                {end.pending() ? m('ending') : m('confirmEnd')}
              </button>
              <button type="button" class="secondary" style={bigButton} onClick={() => setConfirming(false)}>
                {common('cancel')}
              </button>
            </div>
          </Show>
        </div>
      </div>
    </section>
  );
}
