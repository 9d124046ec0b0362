import { Show, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, OptionalMark, createAction, describeError } from '@tongxin/ui';
import type { Decision, InboxCheckin } from './checkin-api.ts';
import { memberLabel } from './checkin-inbox.tsx';
import { t } from './messages.ts';

/**
 * Accept, refuse or return one check-in, or end an accepted one. Refusing and returning need a
 * reason the member sees (brief: a destination declines only for a stated reason).
 */
export function CheckinDecision(props: { checkin: InboxCheckin; county: (tenantId: string) => string; onDone: (said: string) => void }) {
  const [reason, setReason] = createSignal('');
  const [missing, setMissing] = createSignal(false);
  const id = () => props.checkin.id;
  const form = () => `checkin-${id()}`;
  const decide = createAction((input: { checkinId: string; decision: Decision; reason?: string }) => reporting.checkins.decide.mutate(input));
  const end = createAction((input: { checkinId: string; reason?: string }) => reporting.checkins.end.mutate(input));
  const pending = () => decide.pending() || end.pending();
  const failure = () => decide.error() || end.error();
  const reasonError = () => (missing() ? t('reasonMissing') : (decide.fields().reason ?? end.fields().reason));
  const accepted = () => props.checkin.status === 'accepted';
  const name = () => memberLabel(props.checkin, props.county);

  async function onDecide(decision: Decision) {
    const text = reason().trim();
    setMissing(decision !== 'accept' && text === '');
    if (missing()) return;
    const done = await decide.run({ checkinId: id(), decision, reason: decision === 'accept' ? undefined : text });
    if (done) props.onDone(t(decision === 'accept' ? 'accepted' : decision === 'refuse' ? 'refused' : 'returned', { name: name() }));
  }
  async function onEnd() {
    const done = await end.run({ checkinId: id(), reason: reason().trim() || undefined });
    if (done) props.onDone(t('ended', { name: name() }));
  }

  return (
    <div class="panel">
      <div class="field">
        <label for={`${form()}-reason`}>{accepted() ? <>{t('endReason')}<OptionalMark /></> : t('decideReason')}</label>
        <Show when={!accepted()}>
          <p id={`${form()}-hint`} class="meta">{t('decideHint')}</p>
        </Show>
        <textarea
          id={`${form()}-reason`}
          value={reason()}
          aria-invalid={reasonError() ? 'true' : undefined}
          aria-describedby={[!accepted() && `${form()}-hint`, reasonError() && `${form()}-error`].filter(Boolean).join(' ') || undefined}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
        <Show when={reasonError()}>
          <p id={`${form()}-error`} class="field-error">{reasonError()}</p>
        </Show>
      </div>
      <div class="form-buttons">
        <Show when={!accepted()} fallback={<button type="button" class="secondary" disabled={pending()} onClick={onEnd}>{t('end')}</button>}>
          <button type="button" disabled={pending()} onClick={() => onDecide('accept')}>{t('accept')}</button>
          <button type="button" class="secondary" disabled={pending()} onClick={() => onDecide('return')}>{t('return')}</button>
          <button type="button" class="secondary" disabled={pending()} onClick={() => onDecide('refuse')}>{t('refuse')}</button>
        </Show>
      </div>
      <Show when={failure() && !reasonError()}>
        <ErrorNotice message={describeError(failure())} />
      </Show>
    </div>
  );
}
