import { Show } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import type { ErrorCode } from '@tongxin/errors';
import { t, type TreeMessageKey } from './messages.ts';
import type { TreeOrg } from '../shared/org-types.ts';

// Why the server refused to close (the code of its `orgId` field), in this page's words.
const REFUSALS: Partial<Record<ErrorCode, TreeMessageKey>> = {
  org_has_members: 'closeHasMembers',
  org_has_children: 'closeHasChildren',
  root_fixed: 'closeRoot',
};

/** Closing keeps the org for history; the browser's confirm is keyboard- and reader-friendly. */
export function CloseOrgButton(props: { org: TreeOrg; onClosed: () => void }) {
  const close = createAction((orgId: string, idempotencyKey) => roster.orgs.close.mutate({ orgId, idempotencyKey }));
  const message = () => {
    const code = close.codes().orgId?.code;
    const known = code && REFUSALS[code];
    return known ? t(known) : (close.fields().orgId ?? describeError(close.error()));
  };

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
        <ErrorNotice message={message()} />
      </Show>
    </>
  );
}
