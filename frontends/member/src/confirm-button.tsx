import { Show, createSignal } from 'solid-js';
import { m as offline } from './shared/offline-messages.ts';
import { sendOrQueue } from './shared/write-queue.ts';
import { ErrorNotice, createAttemptKeys, describeError } from '@tongxin/ui';
import { m } from './messages.ts';
import { bigButton } from './touch.ts';

/**
 * "信息无变化，确认": the whole ledger confirmed in one tap; a retry reuses the attempt's key.
 * The thanks is said right under the button (a status a screen reader announces, in view on a
 * 360-px phone), and the button keeps the focus: it is never `disabled` while busy, which
 * would drop the focus to <body>.
 */
export function ConfirmButton(props: { onConfirmed: () => void }) {
  const keys = createAttemptKeys();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [thanked, setThanked] = createSignal<'sent' | 'queued' | false>(false);
  let status: HTMLParagraphElement | undefined;

  const label = () => (busy() ? m('confirming') : m('confirmUnchanged'));

  async function confirm() {
    if (busy()) return;
    setBusy(true);
    setError(null);
    setThanked(false);
    try {
      // Sent now, or kept in the phone's queue with this key when there is no answer (issue 18).
      const result = await sendOrQueue('ledger.confirm', {}, { label: '', subject: 'ledger', idempotencyKey: keys.keyFor('confirm') });
      keys.done();
      setThanked('queued' in result ? 'queued' : 'sent');
      if ('sent' in result) props.onConfirmed();
      queueMicrotask(() => status?.scrollIntoView({ block: 'nearest' }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ display: 'grid', gap: '0.25rem' }}>
      <Show when={error()}>
        <ErrorNotice message={describeError(error())} />
      </Show>
      <button type="button" style={bigButton} aria-disabled={busy() ? 'true' : undefined} aria-busy={busy()} aria-describedby="ledger-confirm-status" onClick={confirm}>
        {label()}
      </button>
      <p id="ledger-confirm-status" role="status" ref={status} style={{ margin: 0, 'font-weight': 600 }}>
        {thanked() === 'sent' ? m('confirmed') : thanked() === 'queued' ? offline('queued') : ''}
      </p>
    </div>
  );
}
