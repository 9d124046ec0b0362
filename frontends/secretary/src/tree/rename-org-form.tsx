import { Show, createSignal, untrack } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { FormButtons } from './form-buttons.tsx';
import { t } from './messages.ts';
import type { TreeOrg } from '../shared/org-types.ts';
import { TextField } from './text-field.tsx';

export function RenameOrgForm(props: { org: TreeOrg; onDone: () => void; onCancel: () => void }) {
  const [name, setName] = createSignal(untrack(() => props.org.name));
  const rename = createAction((input: { orgId: string; name: string }, idempotencyKey) => roster.orgs.rename.mutate({ ...input, idempotencyKey }));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (await rename.run({ orgId: props.org.id, name: name().trim() })) props.onDone();
  }

  return (
    <form class="form" onSubmit={submit} aria-label={t('rename')}>
      <TextField id="org-rename" label={t('newName')} value={name()} autofocus invalid={'name' in rename.fields()} onInput={setName} />
      <Show when={rename.error()}>
        <ErrorNotice message={describeError(rename.error())} />
      </Show>
      <FormButtons pending={rename.pending()} onCancel={props.onCancel} />
    </form>
  );
}
