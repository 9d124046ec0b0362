import { Show } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { t } from './messages.ts';
import type { TreeOrg } from './org-types.ts';

/** Closing keeps the org for history; the browser's confirm is keyboard- and reader-friendly. */
export function CloseOrgButton(props: { org: TreeOrg; onClosed: () => void }) {
  const close = createAction((orgId: string, idempotencyKey) => roster.orgs.close.mutate({ orgId, idempotencyKey }));

  async function ask() {
    if (!window.confirm(t('closeConfirm', { name: props.org.name }))) return;
    if (await close.run(props.org.id)) props.onClosed();
  }

  return (
    <>
      <button type="button" class="secondary" disabled={close.pending()} onClick={ask}>
        {t('close')}
      </button>
      <Show when={close.error()}>
        <ErrorNotice message={describeError(close.error())} />
      </Show>
    </>
  );
}
