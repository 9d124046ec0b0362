import { Show, createSignal, onMount, untrack } from 'solid-js';
import { chinaDate } from '@tongxin/calendar';
import { errorText } from '@tongxin/i18n';
import { ErrorNotice, createAction, problemMessage } from '@tongxin/ui';
import { checkText } from '../parts/field-problem.ts';
import { m as common } from '../parts/messages.ts';
import { TextField } from '../parts/text-field.tsx';
import { sendOrQueue } from '../shared/write-queue.ts';
import { bigButton } from '../touch.ts';
import { InputField } from './input-field.tsx';
import { m } from './messages.ts';
import type { MyMobility, ReturnInput } from './types.ts';

const FIELDS = ['returnedOn', 'activities', 'joinedOrg', 'meetings'];

/**
 * 返乡登记: the day back and the report on the time away. The report is the activity
 * certificate's (the server writes it there too), so one given on the certificate is filled
 * in here, and one given here is not asked for again at the hand-back (enter once).
 */
export function ReturnForm(props: { prefill: MyMobility['prefill']; onSent: (queued: boolean) => void; onCancel: () => void }) {
  const given = untrack(() => props.prefill);
  const [returnedOn, setReturnedOn] = createSignal(chinaDate(new Date()));
  const [activities, setActivities] = createSignal(given.reportActivities ?? '');
  const [joinedOrg, setJoinedOrg] = createSignal(given.reportJoinedOrg ?? '');
  const [meetings, setMeetings] = createSignal(given.reportMeetings === null ? '' : String(given.reportMeetings));
  const [problems, setProblems] = createSignal<Record<string, string | undefined>>({});
  const send = createAction((input: ReturnInput, idempotencyKey: string) =>
    sendOrQueue<{ requestId: string }>('mobility.return', input, { label: input.returnedOn, subject: 'return', idempotencyKey }));
  let first: HTMLDivElement | undefined;
  onMount(() => first?.querySelector<HTMLInputElement>('input')?.focus());

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const count = Number(meetings());
    const local = {
      returnedOn: returnedOn() ? undefined : errorText('required'),
      activities: checkText(activities(), { required: true, max: 1000 }),
      joinedOrg: checkText(joinedOrg(), { max: 100 }),
      meetings: meetings().trim() !== '' && Number.isInteger(count) && count >= 0 && count <= 500 ? undefined : m('meetingsInvalid'),
    };
    setProblems(local);
    if (Object.values(local).some(Boolean)) return;
    const sent = await send.run({ returnedOn: returnedOn(), activities: activities().trim(), joinedOrg: joinedOrg().trim() || undefined, meetings: count });
    if (sent) props.onSent('queued' in sent.output);
    else setProblems(send.fields());
  }
  const otherProblem = () => send.error() && !FIELDS.some((field) => send.fields()[field]);

  return (
    <form class="form card" noValidate onSubmit={onSubmit} aria-labelledby="return-heading">
      <h3 id="return-heading">{m('returnTitle')}</h3>
      <div ref={first}>
        <InputField id="return-on" type="date" label={m('returnedOn')} value={returnedOn()} onInput={setReturnedOn} error={problems().returnedOn} />
      </div>
      <p class="muted">{given.reportedOnCertificate ? m('reportFromCertificate') : m('reportIntro')}</p>
      <TextField id="return-activities" label={m('activities')} hint={m('activitiesHint')} multiline max={1000} value={activities()} onInput={setActivities} error={problems().activities} />
      <TextField id="return-joined-org" label={m('joinedOrg')} optional max={100} value={joinedOrg()} onInput={setJoinedOrg} error={problems().joinedOrg} />
      <InputField id="return-meetings" type="number" inputmode="numeric" min="0" max="500" label={m('meetings')} value={meetings()} onInput={setMeetings} error={problems().meetings} />
      <Show when={otherProblem()}>
        <ErrorNotice message={problemMessage(send.error())} detail={common('retryHint')} />
      </Show>
      <button type="submit" style={bigButton} disabled={send.pending()} aria-busy={send.pending()}>
        {send.pending() ? m('sending') : m('send')}
      </button>
      <button type="button" class="secondary" style={{ ...bigButton, 'margin-top': '0.5rem' }} onClick={() => props.onCancel()}>
        {m('cancel')}
      </button>
    </form>
  );
}
