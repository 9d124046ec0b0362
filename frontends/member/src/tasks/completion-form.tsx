import { Show, createSignal, onMount, untrack } from 'solid-js';
import { tasks } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { checkText } from '../parts/field-problem.ts';
import { m as common } from '../parts/messages.ts';
import { TextField } from '../parts/text-field.tsx';
import { bigButton } from '../touch.ts';
import { taskWord } from '@tongxin/i18n/task-words';
import { m } from './messages.ts';
import { PhotoField } from './photo-field.tsx';
import { createPhotoUploads } from './photo-uploads.ts';
import type { CompletionWrite } from './queued-completion.ts';
import type { Claim } from './task-types.ts';
import { sendOrQueue } from '../shared/write-queue.ts';

const LIMITS = { note: 2000, response: 1000 } as const;
type Field = 'note' | 'amount' | 'photos' | 'response';
type Problems = Partial<Record<Field, string>>;

/** "12", "12.5", "０" typed on a phone keyboard → a number ≥ 0, or undefined. */
function parseAmount(text: string): number | undefined {
  const normalized = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(normalized)) return undefined;
  return Number(normalized);
}

/**
 * Reporting a claimed task done, with only the evidence the publisher asked for when the
 * member claimed it (brief: "evidence only where it matters"): photos with the reason they
 * are asked, a note, the number achieved. A study task is one confirmation. After a
 * rejection the member answers it and sends again. A retried send reuses its key. Offline,
 * the completion and its resized photos wait in the phone's queue (issue 18): `onSent(true)`.
 */
export function CompletionForm(props: { claim: Claim; onSent: (queued: boolean) => void; onCancel: () => void }) {
  const evidence = () => props.claim.evidence;
  const isStudy = () => props.claim.kind === 'study';
  const asksPhoto = () => !isStudy() && evidence().photo !== 'none';
  const asksNote = () => !isStudy() && evidence().text;
  const asksAmount = () => !isStudy() && evidence().number;
  const rejected = () => props.claim.status === 'rejected';
  // The form edits the completion as it was when it opened.
  const previous = untrack(() => props.claim.completion);
  const formId = untrack(() => `completion-${props.claim.claimId}`);

  const [note, setNote] = createSignal(previous?.note ?? '');
  const [amount, setAmount] = createSignal(previous?.amount != null ? String(previous.amount) : '');
  const [response, setResponse] = createSignal('');
  const [problems, setProblems] = createSignal<Problems>({});
  const uploads = createPhotoUploads(rejected() ? (previous?.photos ?? []) : []);
  const send = createAction((input: CompletionWrite, idempotencyKey: string) =>
    sendOrQueue<Awaited<ReturnType<typeof tasks.completions.submit.mutate>>>('task.complete', input, { label: props.claim.title, subject: props.claim.claimId, idempotencyKey }));
  let form: HTMLFormElement | undefined;
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  function check(): Problems {
    const found: Problems = {};
    if (asksNote()) {
      const problem = checkText(note(), { required: true, max: LIMITS.note });
      if (problem) found.note = problem;
    }
    if (asksAmount() && parseAmount(amount()) === undefined) found.amount = amount().trim() ? m('amountInvalid') : common('required');
    if (asksPhoto()) {
      if (uploads.busy()) found.photos = m('photosBusy');
      else if (uploads.lastingFailure()) found.photos = m('photoUnusable');
      else if (uploads.failed()) found.photos = m('photoFailed');
      else if (evidence().photo === 'required' && uploads.toSend().length === 0) found.photos = m('photoRequired');
    }
    if (rejected()) {
      const problem = checkText(response(), { max: LIMITS.response });
      if (problem) found.response = problem;
    }
    return found;
  }

  function show(found: Problems) {
    setProblems(found);
    const first = (['amount', 'note', 'photos', 'response'] as const).find((field) => found[field]); // in the form's order
    if (first) form?.querySelector<HTMLElement>(`#${formId}-${first}`)?.focus();
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const local = check();
    if (Object.keys(local).length > 0) return show(local);
    setProblems({});
    const sent = await send.run({
      claimId: props.claim.claimId,
      note: asksNote() ? note().trim() : null,
      amount: asksAmount() ? parseAmount(amount())! : null,
      // Uploaded ones by id; kept ones (offline) as their resized blobs, uploaded when it is sent.
      photos: asksPhoto() ? uploads.toSend() : [],
      response: rejected() && response().trim() ? response().trim() : null,
    });
    if (sent) props.onSent('queued' in sent.output);
    else {
      const fields = send.fields();
      const photos = (send.codes().photos ?? send.codes().photoIds)?.code;
      show({
        note: fields.note,
        amount: fields.amount,
        // A missing photo is said the way the form says it; anything else in the server's code's words.
        photos: photos === 'photo_required' || photos === 'required' ? m('photoRequired') : (fields.photos ?? fields.photoIds),
        response: fields.response,
      });
    }
  }

  const count = () => Object.values(problems()).filter(Boolean).length;
  /** A field being corrected no longer shows its old problem. */
  const edited = (field: Field) => problems()[field] && setProblems(({ [field]: _, ...rest }) => rest);
  const fieldProblemsOnly = () => Object.keys(send.fields()).some((field) => ['note', 'amount', 'photos', 'photoIds', 'response'].includes(field));

  return (
    <form class="form completion" noValidate ref={form} onSubmit={submit} aria-labelledby={`${formId}-heading`}>
      <h5 id={`${formId}-heading`} tabindex="-1" ref={heading}>
        {m('formTitle', { title: props.claim.title })}
      </h5>
      <Show when={count() > 0}>
        <div class="notice notice-error" role="alert">
          <p>{common('fixFields', { count: count() })}</p>
        </div>
      </Show>
      <Show when={isStudy()}>
        <p class="muted" style={{ margin: 0 }}>{m('studiedHint')}</p>
      </Show>
      <Show when={!isStudy() && !asksPhoto() && !asksNote() && !asksAmount()}>
        <p class="muted" style={{ margin: 0 }}>{m('evidence.none')}</p>
      </Show>
      <Show when={asksAmount()}>
        <div class="field">
          <label for={`${formId}-amount`}>
            {props.claim.target ? m('amountWithUnit', { unit: taskWord('unit', props.claim.target.unit) }) : m('amount')}
          </label>
          <input id={`${formId}-amount`} name="amount" type="text" inputmode="decimal" autocomplete="off" value={amount()}
            aria-required="true" aria-invalid={problems().amount ? 'true' : undefined}
            aria-describedby={problems().amount ? `${formId}-amount-error` : undefined} onInput={(e) => { setAmount(e.currentTarget.value); edited('amount'); }} />
          <Show when={problems().amount}>
            <p id={`${formId}-amount-error`} class="field-error">{problems().amount}</p>
          </Show>
        </div>
      </Show>
      <Show when={asksNote()}>
        <TextField id={`${formId}-note`} label={m('note')} hint={m('noteHint')} multiline max={LIMITS.note}
          value={note()} onInput={(v) => { setNote(v); edited('note'); }} error={problems().note} />
      </Show>
      <Show when={asksPhoto()}>
        <PhotoField id={`${formId}-photos`} uploads={uploads} required={evidence().photo === 'required'}
          reason={evidence().photoReason} error={problems().photos} onAdded={() => edited('photos')} />
      </Show>
      <Show when={rejected()}>
        <TextField id={`${formId}-response`} label={m('response')} hint={m('responseHint')} multiline optional max={LIMITS.response}
          value={response()} onInput={(v) => { setResponse(v); edited('response'); }} error={problems().response} />
      </Show>
      <Show when={send.error() && !fieldProblemsOnly()}>
        <ErrorNotice message={describeError(send.error())} detail={common('retryHint')} />
      </Show>
      <button type="submit" style={bigButton} disabled={send.pending()} aria-busy={send.pending()}>
        {send.pending() ? m('sending') : isStudy() ? m('studied') : m('send')}
      </button>
      <button type="button" class="secondary" style={bigButton} onClick={() => props.onCancel()}>
        {common('cancel')}
      </button>
    </form>
  );
}
