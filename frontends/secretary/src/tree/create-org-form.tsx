import { For, Show, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { FormButtons } from './form-buttons.tsx';
import { c, type SharedMessageKey } from '../shared/messages.ts';
import { t } from './messages.ts';
import { CHILD_KINDS, FLOW_KINDS, type OrgKind, type TreeOrg } from '../shared/org-types.ts';
import { TextField } from './text-field.tsx';

type Draft = { kind: OrgKind | ''; name: string; place: string; province: string; city: string; address: string };

/**
 * A new org under the selected one, of a kind the parent may hold; flow organizations also
 * name their destination city.
 */
export function CreateOrgForm(props: { parent: TreeOrg; onDone: () => void; onCancel: () => void }) {
  const [draft, setDraft] = createStore<Draft>({ kind: '', name: '', place: '', province: '', city: '', address: '' });
  const [kindMissing, setKindMissing] = createSignal(false);
  const create = createAction((input: Omit<Parameters<typeof roster.orgs.create.mutate>[0], 'idempotencyKey'>, idempotencyKey) =>
    roster.orgs.create.mutate({ ...input, idempotencyKey }),
  );
  const isFlow = () => FLOW_KINDS.includes(draft.kind as OrgKind);
  const optional = (value: string) => value.trim() || undefined;
  const invalid = (field: string) => field in create.fields();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setKindMissing(draft.kind === '');
    if (draft.kind === '') return;
    const done = await create.run({
      parentId: props.parent.id,
      kind: draft.kind,
      name: draft.name.trim(),
      place: optional(draft.place),
      province: optional(draft.province),
      city: optional(draft.city),
      address: optional(draft.address),
    });
    if (done) props.onDone();
  }

  return (
    <form class="form" onSubmit={submit} aria-label={t('addChild')}>
      <div class="field">
        <label for="org-kind">{t('kind')}</label>
        <select
          id="org-kind"
          value={draft.kind}
          aria-invalid={kindMissing() || invalid('kind') ? 'true' : undefined}
          aria-describedby={kindMissing() || invalid('kind') ? 'org-kind-error' : undefined}
          onChange={(event) => setDraft('kind', event.currentTarget.value as OrgKind)}
        >
          <option value="">{c('choose')}</option>
          <For each={CHILD_KINDS[props.parent.kind]}>{(kind) => <option value={kind}>{c(`kind.${kind}` as SharedMessageKey)}</option>}</For>
        </select>
        <Show when={kindMissing() || invalid('kind')}>
          <p class="field-error" id="org-kind-error">{draft.kind === '' ? t('kindRequired') : t('fieldInvalid')}</p>
        </Show>
      </div>
      <TextField id="org-name" label={t('name')} value={draft.name} invalid={invalid('name')} onInput={(v) => setDraft('name', v)} />
      <Show when={isFlow()}>
        <p>{t('flowNeedsCity')}</p>
        <TextField id="org-province" label={t('province')} value={draft.province} invalid={invalid('province')} onInput={(v) => setDraft('province', v)} />
        <TextField id="org-city" label={t('city')} value={draft.city} invalid={invalid('city')} onInput={(v) => setDraft('city', v)} />
        <TextField id="org-address" label={t('address')} value={draft.address} invalid={invalid('address')} onInput={(v) => setDraft('address', v)} />
      </Show>
      <Show when={!isFlow()}>
        <TextField id="org-place" label={t('place')} value={draft.place} invalid={invalid('place')} onInput={(v) => setDraft('place', v)} />
      </Show>
      <Show when={create.error()}>
        <ErrorNotice message={describeError(create.error())} />
      </Show>
      <FormButtons pending={create.pending()} onCancel={props.onCancel} />
    </form>
  );
}
