import { Show, createSignal, onMount, untrack } from 'solid-js';
import { chinaDate } from '@tongxin/calendar';
import { errorText, t } from '@tongxin/i18n';
import { AWAY_REASONS, ZPhone } from '@tongxin/ledger';
import { ErrorNotice, createAction, problemMessage } from '@tongxin/ui';
import { checkText } from '../parts/field-problem.ts';
import { m as common } from '../parts/messages.ts';
import { TextField } from '../parts/text-field.tsx';
import { sendOrQueue } from '../shared/write-queue.ts';
import { bigButton } from '../touch.ts';
import { InputField } from './input-field.tsx';
import { m } from './messages.ts';
import type { MyMobility, OutflowInput } from './types.ts';

const FIELDS = ['leftOn', 'reasonCode', 'reason', 'destinationProvince', 'destinationCity', 'contactPhone', 'expectedMonths'];

/**
 * 外出登记 (brief: "before leaving"): why (the register's reason and a note), when, where to,
 * how to reach them, for how long. What the ledger holds (the phone, the destination) is filled
 * in. Sent now, or kept on the phone with its key and sent once online (issue 18).
 */
export function OutflowForm(props: { prefill: MyMobility['prefill']; onSent: (queued: boolean) => void; onCancel: () => void }) {
  const given = untrack(() => props.prefill);
  const [leftOn, setLeftOn] = createSignal(chinaDate(new Date()));
  const [reasonCode, setReasonCode] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [province, setProvince] = createSignal(given.destinationProvince ?? '');
  const [city, setCity] = createSignal(given.destinationCity ?? '');
  const [phone, setPhone] = createSignal(given.contactPhone ?? '');
  const [months, setMonths] = createSignal('');
  const [problems, setProblems] = createSignal<Record<string, string | undefined>>({});
  const send = createAction((input: OutflowInput, idempotencyKey: string) =>
    sendOrQueue<{ requestId: string }>('mobility.outflow', input, { label: input.destinationCity, subject: 'outflow', idempotencyKey }));
  let first: HTMLDivElement | undefined;
  onMount(() => first?.querySelector<HTMLInputElement>('input')?.focus());

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const count = Number(months());
    const local = {
      leftOn: leftOn() ? undefined : errorText('required'),
      reasonCode: reasonCode() ? undefined : errorText('required'),
      reason: checkText(reason(), { max: 200 }),
      destinationProvince: checkText(province(), { max: 20 }),
      destinationCity: checkText(city(), { required: true, max: 40 }),
      contactPhone: phone().trim() === '' ? errorText('required') : ZPhone.safeParse(phone()).success ? undefined : errorText('invalid_phone'),
      expectedMonths: Number.isInteger(count) && count >= 1 && count <= 120 ? undefined : m('monthsInvalid'),
    };
    setProblems(local);
    if (Object.values(local).some(Boolean)) return;
    const sent = await send.run({
      leftOn: leftOn(),
      reasonCode: reasonCode() as OutflowInput['reasonCode'],
      reason: reason().trim() || undefined,
      destinationProvince: province().trim() || undefined,
      destinationCity: city().trim(),
      contactPhone: phone().trim(),
      expectedMonths: count,
    });
    if (sent) props.onSent('queued' in sent.output);
    else setProblems(send.fields());
  }
  // A refusal about no field of this form (already away, one already waiting) is said above the button.
  const otherProblem = () => send.error() && !FIELDS.some((field) => send.fields()[field]);

  return (
    <form class="form card" noValidate onSubmit={onSubmit} aria-labelledby="outflow-heading">
      <h3 id="outflow-heading">{m('outflowTitle')}</h3>
      <Show when={given.contactPhone || given.destinationCity}>
        <p class="muted">{m('prefilled')}</p>
      </Show>
      <div ref={first}>
        <InputField id="outflow-left-on" type="date" label={m('leftOn')} hint={m('leftOnHint')} value={leftOn()} onInput={setLeftOn} error={problems().leftOn} />
      </div>
      <InputField id="outflow-reason-code" label={m('reasonCode')} placeholder={m('choose')} value={reasonCode()} onInput={setReasonCode} error={problems().reasonCode}
        options={AWAY_REASONS.map((code) => ({ value: code, label: t(`awayReason.${code}`) }))} />
      <TextField id="outflow-reason" label={m('reasonNote')} optional max={200} value={reason()} onInput={setReason} error={problems().reason} />
      <TextField id="outflow-province" label={m('province')} optional max={20} value={province()} onInput={setProvince} error={problems().destinationProvince} />
      <TextField id="outflow-city" label={m('city')} hint={m('cityHint')} max={40} value={city()} onInput={setCity} error={problems().destinationCity} />
      <InputField id="outflow-phone" type="tel" inputmode="tel" label={m('contactPhone')} value={phone()} onInput={setPhone} error={problems().contactPhone} />
      <InputField id="outflow-months" type="number" inputmode="numeric" min="1" max="120" label={m('expectedMonths')} value={months()} onInput={setMonths} error={problems().expectedMonths} />
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
