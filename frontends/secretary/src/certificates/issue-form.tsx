import { Show, createSignal, onMount, untrack } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, createAction, problemMessage } from '@tongxin/ui';
import { c } from '../shared/messages.ts';
import type { Candidate } from './certificates-api.ts';
import { firstEndDate } from './first-end-date.ts';
import { t } from './messages.ts';

type IssueInput = Omit<Parameters<typeof roster.certificates.issue.mutate>[0], 'idempotencyKey'>;

/** The end date (prefilled from the departure's expected months, else 3 months on) and, beyond 6 months away, why the membership stays. */
export function IssueForm(props: { committeeId: string; candidate: Candidate; onIssued: (said: string) => void; onCancel: () => void }) {
  const [validUntil, setValidUntil] = createSignal(untrack(() => firstEndDate(props.candidate)));
  const [reason, setReason] = createSignal('');
  const [local, setLocal] = createSignal('');
  const issue = createAction((input: IssueInput, idempotencyKey: string) => roster.certificates.issue.mutate({ ...input, idempotencyKey }));
  const fieldError = (field: string) => issue.fields()[field];
  const prefix = untrack(() => `issue-${props.candidate.memberId}`);
  // The form opens away from the button that opened it: the focus goes to it, as to a new page.
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setLocal(validUntil() ? '' : c('required'));
    if (!validUntil()) return;
    const done = await issue.run({
      orgId: props.committeeId, memberId: props.candidate.memberId, validUntil: validUntil(), notTransferableReason: reason().trim() || undefined,
    });
    if (done) props.onIssued(t('issued', { number: done.output.number, name: props.candidate.name }));
    // A refusal names its field: the focus goes to it, so its message is read out.
    else document.getElementById(fieldError('notTransferableReason') ? `${prefix}-reason` : `${prefix}-until`)?.focus();
  }

  return (
    <form class="form panel" aria-labelledby={`${prefix}-title`} onSubmit={onSubmit} novalidate>
      <h3 id={`${prefix}-title`} ref={heading} tabindex="-1">{t('issueFor', { name: props.candidate.name })}</h3>
      <div class="field">
        <label for={`${prefix}-until`}>{t('validUntil')}</label>
        <p class="meta" id={`${prefix}-until-hint`}>{t('validUntilHint')}</p>
        <input
          id={`${prefix}-until`}
          type="date"
          value={validUntil()}
          onInput={(event) => setValidUntil(event.currentTarget.value)}
          aria-invalid={local() || fieldError('validUntil') ? 'true' : undefined}
          aria-describedby={`${prefix}-until-hint${local() || fieldError('validUntil') ? ` ${prefix}-until-error` : ''}`}
        />
        <Show when={local() || fieldError('validUntil')}>{(text) => <p class="field-error" id={`${prefix}-until-error`}>{text()}</p>}</Show>
      </div>
      <div class="field">
        <label for={`${prefix}-reason`}>{t('notTransferable')}</label>
        <p class="meta" id={`${prefix}-reason-hint`}>{t('notTransferableHint')}</p>
        <textarea id={`${prefix}-reason`} maxLength={200} value={reason()} onInput={(event) => setReason(event.currentTarget.value)}
          aria-describedby={`${prefix}-reason-hint`} aria-invalid={fieldError('notTransferableReason') ? 'true' : undefined} />
        <Show when={fieldError('notTransferableReason')}>{(text) => <p class="field-error">{text()}</p>}</Show>
      </div>
      <Show when={issue.error() && !fieldError('validUntil') && !fieldError('notTransferableReason')}>
        <ErrorNotice message={problemMessage(issue.error())} />
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={issue.pending()}>{issue.pending() ? c('saving') : t('issue')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{c('cancel')}</button>
      </div>
    </form>
  );
}
