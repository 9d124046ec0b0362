import { Show } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { t, type TreeMessageKey } from './messages.ts';
import type { TreeOrg } from '../shared/org-types.ts';

// Why the server refused to close (its `orgId` field message, in English), in the user's language.
const REFUSALS: [RegExp, TreeMessageKey][] = [
  [/still has members/i, 'closeHasMembers'],
  [/child organizations/i, 'closeHasChildren'],
  [/root of the tree/i, 'closeRoot'],
];

function refusal(message: string): string {
  const known = REFUSALS.find(([pattern]) => pattern.test(message));
  return known ? t(known[1]) : message;
}

/** Closing keeps the org for history; the browser's confirm is keyboard- and reader-friendly. */
export function CloseOrgButton(props: { org: TreeOrg; onClosed: () => void }) {
  const close = createAction((orgId: string, idempotencyKey) => roster.orgs.close.mutate({ orgId, idempotencyKey }));
  const message = () => {
    const field = close.fields().orgId;
    return field ? refusal(field) : describeError(close.error());
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
