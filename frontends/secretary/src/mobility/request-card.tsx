import { Show, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, createAction, fieldMessages, problemMessage } from '@tongxin/ui';
import { RequestFacts } from './request-facts.tsx';
import { t, type RequestMessageKey } from './request-messages.ts';
import type { QueuedRequest } from './request-types.ts';

type Decision = { decision: 'confirm' } | { decision: 'refuse'; reason: string };

/**
 * One member's request: its facts and, while pending, confirm (which registers it, as the
 * secretary's own form does) or refuse with a reason the member reads. A decision repeated
 * answers the same on the server, so it needs no key.
 */
export function RequestCard(props: { request: QueuedRequest; onDecided: (said: string) => void }) {
  const kind = () => t(`kind.${props.request.kind}` as RequestMessageKey);
  const [refusing, setRefusing] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const decide = createAction((input: Decision) => roster.mobility.decideRequest.mutate({ requestId: props.request.id, ...input }));
  const reasonError = () => fieldMessages(decide.error()).reason;
  const reasonId = () => `refuse-${props.request.id}`;

  async function run(input: Decision) {
    const done = await decide.run(input);
    if (done) props.onDecided(input.decision === 'confirm' ? t('confirmed', { name: props.request.name, kind: kind() }) : t('refused', { name: props.request.name }));
  }

  return (
    <li class="card">
      <h3 style={{ margin: 0, 'font-size': '1rem' }}>
        {props.request.name} · {kind()}
      </h3>
      <RequestFacts request={props.request} />
      <Show when={props.request.status === 'pending'} fallback={<p class="muted">{t(`status.${props.request.status}` as RequestMessageKey)}</p>}>
        <Show
          when={refusing()}
          fallback={
            <div class="actions">
              <button type="button" disabled={decide.pending()} aria-label={t('confirmName', { name: props.request.name, kind: kind() })} onClick={() => void run({ decision: 'confirm' })}>
                {t('confirm')}
              </button>
              <button type="button" class="secondary" disabled={decide.pending()} aria-label={t('refuseName', { name: props.request.name, kind: kind() })} onClick={() => setRefusing(true)}>
                {t('refuse')}
              </button>
            </div>
          }
        >
          <form noValidate onSubmit={(event) => { event.preventDefault(); void run({ decision: 'refuse', reason: reason().trim() }); }}>
            <div class="field">
              <label for={reasonId()}>{t('refuseReason')}</label>
              <textarea id={reasonId()} rows={3} maxLength={200} value={reason()} ref={(el) => queueMicrotask(() => el.focus())}
                aria-invalid={reasonError() ? 'true' : undefined} aria-describedby={reasonError() ? `${reasonId()}-error` : undefined}
                onInput={(event) => setReason(event.currentTarget.value)} />
              <Show when={reasonError()}>{(text) => <p class="field-error" id={`${reasonId()}-error`}>{text()}</p>}</Show>
            </div>
            <div class="actions">
              <button type="submit" disabled={decide.pending()}>{t('sendRefusal')}</button>
              <button type="button" class="secondary" onClick={() => { setRefusing(false); decide.reset(); }}>{t('cancel')}</button>
            </div>
          </form>
        </Show>
        <Show when={decide.error() && !reasonError()}>
          <ErrorNotice message={problemMessage(decide.error())} />
        </Show>
      </Show>
    </li>
  );
}
