import { Show, createSignal, onMount, untrack } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, createAction, problemMessage } from '@tongxin/ui';
import { checkText } from '../parts/field-problem.ts';
import { TextField } from '../parts/text-field.tsx';
import { day } from '../parts/when.ts';
import { bigButton } from '../touch.ts';
import { m } from './messages.ts';
import type { MyCertificate } from './types.ts';

type ReportInput = Parameters<typeof roster.certificates.reportTimeAway.mutate>[0];

/**
 * 返回报告 (brief: "after returning, they report on the time away"): what they did, whose
 * organizational life they joined (the organization they checked in with, as the server knows
 * it, filled in: enter once), how many meetings. Sent again before the hand-back, it replaces
 * the earlier report.
 */
export function ReturnReportForm(props: { certificate: MyCertificate; focusFirst?: boolean; onSent: (said: string) => void }) {
  const given = untrack(() => props.certificate);
  const [activities, setActivities] = createSignal(given.reportActivities ?? '');
  const [joinedOrg, setJoinedOrg] = createSignal(given.reportJoinedOrg ?? given.checkedInWith[0] ?? '');
  const [meetings, setMeetings] = createSignal(given.reportMeetings === null ? '' : String(given.reportMeetings));
  const [problems, setProblems] = createSignal<Record<string, string | undefined>>({});
  const send = createAction((input: ReportInput) => roster.certificates.reportTimeAway.mutate(input));
  // Opened by the member's tap: the first field takes the focus.
  let first: HTMLInputElement | HTMLTextAreaElement | undefined;
  onMount(() => {
    if (props.focusFirst) first?.focus();
  });

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const count = Number(meetings());
    const local = {
      activities: checkText(activities(), { required: true, max: 1000 }),
      joinedOrg: checkText(joinedOrg(), { max: 100 }),
      meetings: meetings().trim() === '' || !Number.isInteger(count) || count < 0 || count > 500 ? m('meetingsInvalid') : undefined,
    };
    setProblems(local);
    if (Object.values(local).some(Boolean)) return;
    const done = await send.run({ certificateId: props.certificate.id, activities: activities().trim(), joinedOrg: joinedOrg().trim() || undefined, meetings: count });
    if (done) props.onSent(m('sent'));
    else setProblems(send.fields());
  }

  return (
    <form class="form" noValidate onSubmit={onSubmit} aria-labelledby="return-report-heading">
      <h3 id="return-report-heading">{m('reportTitle')}</h3>
      <p class="muted">{m('reportIntro')}</p>
      <Show when={props.certificate.reportedAt}>{(at) => <p class="muted">{m('reported', { date: day(at()) })}</p>}</Show>
      <TextField id="report-activities" ref={(element) => (first = element)} label={m('activities')} hint={m('activitiesHint')} multiline max={1000} value={activities()} onInput={setActivities} error={problems().activities} />
      <TextField id="report-joined-org" label={m('joinedOrg')} optional max={100} value={joinedOrg()} onInput={setJoinedOrg} error={problems().joinedOrg} />
      <div class="field">
        <label for="report-meetings">{m('meetings')}</label>
        <input id="report-meetings" type="number" inputmode="numeric" min="0" max="500" step="1" value={meetings()} onInput={(event) => setMeetings(event.currentTarget.value)}
          aria-invalid={problems().meetings ? 'true' : undefined} aria-describedby={problems().meetings ? 'report-meetings-error' : undefined} />
        <Show when={problems().meetings}>{(text) => <p class="field-error" id="report-meetings-error">{text()}</p>}</Show>
      </div>
      <Show when={send.error() && Object.keys(send.fields()).length === 0}>
        <ErrorNotice message={problemMessage(send.error())} />
      </Show>
      <button type="submit" style={bigButton} disabled={send.pending()} aria-busy={send.pending()}>
        {send.pending() ? m('sending') : m('send')}
      </button>
    </form>
  );
}
