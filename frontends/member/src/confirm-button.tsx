import { Show, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, createAttemptKeys, describeError } from '@tongxin/ui';
import { m } from './messages.ts';
import { bigButton } from './touch.ts';

/** "信息无变化，确认": the whole ledger confirmed in one tap; a retry reuses the attempt's key. */
export function ConfirmButton(props: { onConfirmed: () => void }) {
  const keys = createAttemptKeys();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);

  const label = () => (busy() ? m('confirming') : m('confirmUnchanged'));

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await roster.ledger.confirmMine.mutate({ idempotencyKey: keys.keyFor('confirm') });
      keys.done();
      props.onConfirmed();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Show when={error()}>
        <ErrorNotice message={describeError(error())} />
      </Show>
      <button type="button" style={bigButton} disabled={busy()} aria-busy={busy()} onClick={confirm}>
        {label()}
      </button>
    </>
  );
}
