import { Show } from 'solid-js';
import { t } from './messages.ts';

/** Submit and cancel for the tree's small forms. */
export function FormButtons(props: { pending: boolean; onCancel: () => void }) {
  return (
    <div style={{ display: 'flex', gap: '0.5rem', 'flex-wrap': 'wrap' }}>
      <button type="submit" disabled={props.pending} aria-busy={props.pending}>
        <Show when={props.pending} fallback={t('submit')}>
          {t('submitting')}
        </Show>
      </button>
      <button type="button" class="secondary" onClick={() => props.onCancel()}>
        {t('cancel')}
      </button>
    </div>
  );
}
