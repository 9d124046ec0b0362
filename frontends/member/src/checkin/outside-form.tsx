import { Show, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { errorText } from '@tongxin/i18n';
import { ErrorNotice, OptionalMark, createAction, describeError } from '@tongxin/ui';
import { checkText } from '../parts/field-problem.ts';
import { m as common } from '../parts/messages.ts';
import { TextField } from '../parts/text-field.tsx';
import { bigButton } from '../touch.ts';
import { m } from './messages.ts';

type OutsideInput = Omit<Parameters<typeof reporting.checkins.requestOutside.mutate>[0], 'idempotencyKey'>;
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * 报到 with an organization outside Tongxin (issue 17): most destinations (a company's or a
 * community's branch in Shenzhen) are not on Tongxin. The member names it and who confirms;
 * that person gets a one-time link by text message and sees only the member's name, home
 * branch and certificate validity. Nothing of the ledger is shared with them, and the form says so.
 */
export function OutsideForm(props: { onSent: () => void; onCancel: () => void }) {
  const [orgName, setOrgName] = createSignal('');
  const [city, setCity] = createSignal('');
  const [contactName, setContactName] = createSignal('');
  const [contactPhone, setContactPhone] = createSignal('');
  const [note, setNote] = createSignal('');
  const [attach, setAttach] = createSignal(false);
  const [problems, setProblems] = createSignal<Record<string, string>>({});
  const send = createAction((input: OutsideInput, idempotencyKey: string) => reporting.checkins.requestOutside.mutate({ ...input, idempotencyKey }));
  const inputs: Record<string, HTMLElement | undefined> = {};
  const order = ['orgName', 'city', 'contactName', 'contactPhone', 'note', 'attachCertificate'];

  function check(): Record<string, string> {
    const found: Record<string, string | undefined> = {
      orgName: checkText(orgName(), { required: true, max: 100 }),
      city: checkText(city(), { required: true, max: 40 }),
      contactName: checkText(contactName(), { required: true, max: 40 }),
      contactPhone: !contactPhone().trim() ? errorText('required') : MOBILE.test(contactPhone().replace(/[\s-]/g, '')) ? undefined : errorText('invalid_mobile'),
      note: checkText(note(), { max: 500 }),
    };
    return Object.fromEntries(Object.entries(found).filter((entry): entry is [string, string] => Boolean(entry[1])));
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const found = check();
    setProblems(found);
    const first = order.find((field) => found[field]);
    if (first) return inputs[first]?.focus();
    const sent = await send.run({
      orgName: orgName().trim(),
      city: city().trim(),
      contactName: contactName().trim(),
      contactPhone: contactPhone().replace(/[\s-]/g, ''),
      note: note().trim() || undefined,
      attachCertificate: attach(),
    });
    if (sent) return props.onSent();
    setProblems(send.fields());
    inputs[order.find((field) => send.fields()[field]) ?? '']?.focus();
  }

  const keep = (field: string) => (element: HTMLElement) => (inputs[field] = element);

  return (
    <form class="form" noValidate onSubmit={submit} aria-labelledby="outside-heading">
      <h3 id="outside-heading">{m('outside.title')}</h3>
      <p class="muted">{m('outside.intro')}</p>
      <TextField id="orgName" label={m('outside.orgName')} hint={m('outside.orgNameHint')} max={100} value={orgName()} onInput={setOrgName} error={problems().orgName} ref={keep('orgName')} />
      <TextField id="city" label={m('city')} hint={m('cityHint')} max={40} value={city()} onInput={setCity} error={problems().city} ref={keep('city')} />
      <TextField id="contactName" label={m('outside.contactName')} hint={m('outside.contactNameHint')} max={40} value={contactName()} onInput={setContactName} error={problems().contactName} ref={keep('contactName')} />
      <div class="field">
        <label for="contactPhone">{m('outside.contactPhone')}</label>
        <p id="contactPhone-hint" class="muted" style={{ margin: 0 }}>{m('outside.contactPhoneHint')}</p>
        <input
          id="contactPhone" name="contactPhone" type="tel" inputmode="tel" autocomplete="off" maxlength={13} value={contactPhone()} ref={keep('contactPhone')}
          aria-required="true" aria-invalid={problems().contactPhone ? 'true' : undefined}
          aria-describedby={problems().contactPhone ? 'contactPhone-hint contactPhone-error' : 'contactPhone-hint'}
          onInput={(event) => setContactPhone(event.currentTarget.value)}
        />
        <Show when={problems().contactPhone}>{(problem) => <p id="contactPhone-error" class="field-error">{problem()}</p>}</Show>
      </div>
      <TextField id="note" label={m('note')} hint={m('noteHint')} multiline optional max={500} value={note()} onInput={setNote} error={problems().note} ref={keep('note')} />
      <div class="field">
        <label class="choice" style={{ display: 'flex', gap: '0.5rem', 'align-items': 'center', 'min-height': '2.75rem' }}>
          <input type="checkbox" checked={attach()} ref={keep('attachCertificate')} aria-describedby={problems().attachCertificate ? 'attach-error' : undefined}
            onChange={(event) => setAttach(event.currentTarget.checked)} />
          <span>{m('outside.attach')}<OptionalMark /></span>
        </label>
        <Show when={problems().attachCertificate}>{(problem) => <p id="attach-error" class="field-error">{problem()}</p>}</Show>
      </div>
      <p class="muted">{m('outside.shared')}</p>
      <Show when={send.error() && Object.keys(send.fields()).length === 0}>
        <ErrorNotice message={describeError(send.error())} detail={common('retryHint')} />
      </Show>
      <button type="submit" style={bigButton} disabled={send.pending()} aria-busy={send.pending()}>
        {send.pending() ? m('sending') : m('outside.send')}
      </button>
      <button type="button" class="secondary" style={bigButton} onClick={() => props.onCancel()}>
        {m('outside.back')}
      </button>
    </form>
  );
}
