import { Show } from 'solid-js';
import { t } from '@tongxin/i18n';

/** A failure shown in place of the content it replaces, with a way to try again. */
export function ErrorNotice(props: { message: string; detail?: string; onRetry?: () => void }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{props.message}</p>
      <Show when={props.detail}>
        <p>{props.detail}</p>
      </Show>
      <Show when={props.onRetry}>
        {(retry) => (
          <button type="button" onClick={() => retry()()}>
            {t('app.retry')}
          </button>
        )}
      </Show>
    </div>
  );
}
