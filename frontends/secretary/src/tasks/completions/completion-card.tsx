import { Show, createSignal } from 'solid-js';
import { errorKind, tasks } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, createAction } from '@tongxin/ui';
import { formatChinaTime } from '../../shared/china-time.ts';
import { c } from '../../shared/messages.ts';
import { EvidencePhotos } from '../evidence-photos.tsx';
import { failureText } from '../../shared/field-message.ts';
import { t as tt, word } from '../messages.ts';
import type { PendingCompletion } from '../../shared/tasks-api.ts';

import { t } from './messages.ts';

type ReviewInput = { completionId: string; decision: 'approve' | 'reject'; reason: string | null };

/** One submitted completion: the evidence, then approve, or send back with a reason. */
export function CompletionCard(props: { completion: PendingCompletion; countyName: (tenantId: string) => string; onDone: (said: string) => void }) {
  const item = () => props.completion;
  const id = () => `completion-${item().completionId}`;
  const [rejecting, setRejecting] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [missing, setMissing] = createSignal(false);
  const review = createAction((input: ReviewInput) => tasks.completions.review.mutate(input));
  const reasonError = () => (missing() ? t('reasonRequired') : review.fields().reason);
  const names = () => ({ name: item().memberName, title: item().taskTitle });
  const hasEvidence = () => item().amount !== null || !!item().note || item().photos.length > 0;

  async function decide(decision: 'approve' | 'reject') {
    const text = reason().trim();
    setMissing(decision === 'reject' && text === '');
    if (missing()) {
      document.getElementById(`${id()}-reason`)?.focus();
      return;
    }
    const done = await review.run({ completionId: item().completionId, decision, reason: decision === 'reject' ? text : null });
    if (done) props.onDone(t(decision === 'approve' ? 'approved' : 'rejected', names()));
  }

  return (
    <li class="card" data-completion={item().completionId}>
      <h2>{item().taskTitle}</h2>
      <p class="meta">
        {word('kind', item().taskKind)}
        <Show when={item().orgName}> · {item().orgName}</Show>
      </p>
      <p>{t('from', { name: item().memberName, date: formatChinaTime(item().submittedAt) })}</p>
      {/* A flow organization's task reaches members checked in from another county. */}
      <Show when={item().memberTenantId !== item().taskTenantId}>
        <p class="meta">{tt('fromCounty', { county: props.countyName(item().memberTenantId) })}</p>
      </Show>
      <Show when={hasEvidence()} fallback={<p class="meta">{t('noEvidence')}</p>}>
        <Show when={item().amount !== null}>
          <p>
            {t('amount')}：<strong>{format(item().amount!)}</strong> {word('unit', item().target?.unit)}
          </p>
        </Show>
        <Show when={item().note}>
          <p class="quote">{item().note}</p>
        </Show>
        <Show when={item().evidence?.photoReason}>
          <p class="meta">{t('photoReason', { reason: item().evidence.photoReason! })}</p>
        </Show>
        <EvidencePhotos photos={item().photos} memberName={item().memberName} />
      </Show>
      <Show when={item().previousReason}>
        <p>{t('previousReason')}：</p>
        <p class="quote">{item().previousReason}</p>
      </Show>
      <Show when={item().response}>
        <p>{t('response')}：</p>
        <p class="quote">{item().response}</p>
      </Show>
      <Show
        when={rejecting()}
        fallback={
          <div class="form-buttons">
            <button type="button" aria-label={t('approveLabel', names())} disabled={review.pending()} onClick={() => decide('approve')}>
              {review.pending() ? c('saving') : t('approve')}
            </button>
            <button type="button" class="secondary" aria-label={t('rejectLabel', names())} disabled={review.pending()} onClick={() => setRejecting(true)}>
              {t('reject')}
            </button>
          </div>
        }
      >
        <form
          class="panel"
          aria-label={t('rejectLabel', names())}
          onSubmit={(event) => {
            event.preventDefault();
            decide('reject');
          }}
          novalidate
        >
          <div class="field">
            <label for={`${id()}-reason`}>{t('reason')}</label>
            <textarea
              id={`${id()}-reason`}
              value={reason()}
              maxLength={500}
              ref={(el) => queueMicrotask(() => el.focus())}
              aria-invalid={reasonError() ? 'true' : undefined}
              aria-describedby={reasonError() ? `${id()}-reason-error` : undefined}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
            <Show when={reasonError()}>
              <p id={`${id()}-reason-error`} class="field-error">{reasonError()}</p>
            </Show>
          </div>
          <div class="form-buttons">
            <button type="submit" disabled={review.pending()}>{review.pending() ? c('saving') : t('confirmReject')}</button>
            <button type="button" class="secondary" onClick={() => { setRejecting(false); setMissing(false); review.reset(); }}>{c('cancel')}</button>
          </div>
        </form>
      </Show>
      <Show when={review.error() && !reasonError()}>
        {/* Refused to this reviewer (their own completion): said as such, not as a page they may not see. */}
        <ErrorNotice message={errorKind(review.error()) === 'FORBIDDEN' ? t('forbidden') : failureText(review.error())} />
      </Show>
    </li>
  );
}
