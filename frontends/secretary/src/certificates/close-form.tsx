import { Show, createSignal, onMount, untrack } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, OptionalMark, createAction, problemMessage } from '@tongxin/ui';
import { c } from '../shared/messages.ts';
import { today, type RegisterRow } from './certificates-api.ts';
import { t } from './messages.ts';

type CloseInput = Omit<Parameters<typeof roster.certificates.close.mutate>[0], 'idempotencyKey'>;
type RevokeInput = Omit<Parameters<typeof roster.certificates.revoke.mutate>[0], 'idempotencyKey'>;

/** 交回: the member's report on the time away (if sent), the day it was handed back and a note; the committee closes it. */
export function CloseForm(props: { row: RegisterRow; onDone: (said: string) => void; onCancel: () => void }) {
  const [handedBackOn, setHandedBackOn] = createSignal(today());
  const [note, setNote] = createSignal('');
  const close = createAction((input: CloseInput, idempotencyKey: string) => roster.certificates.close.mutate({ ...input, idempotencyKey }));
  const prefix = untrack(() => `close-${props.row.id}`);
  // The form opens away from the button that opened it: the focus goes to it, as to a new page.
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (await close.run({ certificateId: props.row.id, handedBackOn: handedBackOn(), note: note().trim() || undefined })) {
      props.onDone(t('closed', { name: props.row.holderName }));
    }
  }

  return (
    <form class="form panel" aria-labelledby={`${prefix}-title`} onSubmit={onSubmit} novalidate>
      <h3 id={`${prefix}-title`} ref={heading} tabindex="-1">{t('closeFor', { name: props.row.holderName, number: props.row.number })}</h3>
      <h4>{t('report')}</h4>
      <Show when={props.row.reportActivities} fallback={<p class="meta">{t('noReport')}</p>}>
        <dl class="facts">
          <dt>{t('activities')}</dt>
          <dd class="quote">{props.row.reportActivities}</dd>
          <dt>{t('joinedOrg')}</dt>
          <dd>{props.row.reportJoinedOrg ?? ''}</dd>
          <dt>{t('meetings')}</dt>
          <dd>{props.row.reportMeetings ?? ''}</dd>
        </dl>
      </Show>
      <div class="field">
        <label for={`${prefix}-on`}>{t('handedBackOn')}</label>
        <input id={`${prefix}-on`} type="date" max={today()} value={handedBackOn()} onInput={(event) => setHandedBackOn(event.currentTarget.value)}
          aria-invalid={close.fields().handedBackOn ? 'true' : undefined} aria-describedby={close.fields().handedBackOn ? `${prefix}-on-error` : undefined} />
        <Show when={close.fields().handedBackOn}>{(text) => <p class="field-error" id={`${prefix}-on-error`}>{text()}</p>}</Show>
      </div>
      <div class="field">
        <label for={`${prefix}-note`}>{t('note')}<OptionalMark /></label>
        <textarea id={`${prefix}-note`} maxLength={500} value={note()} onInput={(event) => setNote(event.currentTarget.value)} />
      </div>
      <Show when={close.error() && !close.fields().handedBackOn}>
        <ErrorNotice message={problemMessage(close.error())} />
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={close.pending()}>{close.pending() ? c('saving') : t('confirmClose')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{c('cancel')}</button>
      </div>
    </form>
  );
}

/** 注销: a valid certificate withdrawn, with the reason. */
export function RevokeForm(props: { row: RegisterRow; onDone: (said: string) => void; onCancel: () => void }) {
  const [reason, setReason] = createSignal('');
  const [local, setLocal] = createSignal('');
  const revoke = createAction((input: RevokeInput, idempotencyKey: string) => roster.certificates.revoke.mutate({ ...input, idempotencyKey }));
  const prefix = untrack(() => `revoke-${props.row.id}`);
  // The form opens away from the button that opened it: the focus goes to it, as to a new page.
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());
  const reasonError = () => local() || revoke.fields().reason;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setLocal(reason().trim() ? '' : c('required'));
    if (!reason().trim()) return;
    if (await revoke.run({ certificateId: props.row.id, reason: reason().trim() })) props.onDone(t('revoked', { name: props.row.holderName }));
  }

  return (
    <form class="form panel" aria-labelledby={`${prefix}-title`} onSubmit={onSubmit} novalidate>
      <h3 id={`${prefix}-title`} ref={heading} tabindex="-1">{t('revokeFor', { name: props.row.holderName, number: props.row.number })}</h3>
      <div class="field">
        <label for={`${prefix}-reason`}>{t('revokeReason')}</label>
        <textarea id={`${prefix}-reason`} maxLength={200} value={reason()} onInput={(event) => setReason(event.currentTarget.value)}
          aria-invalid={reasonError() ? 'true' : undefined} aria-describedby={reasonError() ? `${prefix}-reason-error` : undefined} />
        <Show when={reasonError()}>{(text) => <p class="field-error" id={`${prefix}-reason-error`}>{text()}</p>}</Show>
      </div>
      <Show when={revoke.error() && !revoke.fields().reason}>
        <ErrorNotice message={problemMessage(revoke.error())} />
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={revoke.pending()}>{revoke.pending() ? c('saving') : t('confirmRevoke')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{c('cancel')}</button>
      </div>
    </form>
  );
}
