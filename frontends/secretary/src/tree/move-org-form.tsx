import { Show, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { FormButtons } from './form-buttons.tsx';
import { t } from './messages.ts';
import { OrgSelect } from '../shared/org-select.tsx';
import { mayHangUnder, type TreeOrg } from '../shared/org-types.ts';

/**
 * Moves an org under another that may hold its kind; its own subtree is not offered (the
 * server refuses both too).
 */
export function MoveOrgForm(props: { org: TreeOrg; orgs: readonly TreeOrg[]; onDone: () => void; onCancel: () => void }) {
  const [parentId, setParentId] = createSignal('');
  const move = createAction((input: { orgId: string; newParentId: string }, idempotencyKey) => roster.orgs.move.mutate({ ...input, idempotencyKey }));
  const inOwnSubtree = (candidate: TreeOrg): boolean => {
    for (let org: TreeOrg | undefined = candidate; org; org = props.orgs.find((o) => o.id === org!.parentId)) {
      if (org.id === props.org.id) return true;
    }
    return false;
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (await move.run({ orgId: props.org.id, newParentId: parentId() })) props.onDone();
  }

  return (
    <form class="form" onSubmit={submit} aria-label={t('move')}>
      <OrgSelect
        id="org-move-parent"
        label={t('newParent')}
        orgs={props.orgs}
        value={parentId()}
        onChange={setParentId}
        invalid={'newParentId' in move.fields()}
        filter={(candidate) =>
          candidate.canManage && !candidate.closedAt && mayHangUnder(candidate.kind, props.org.kind) && !inOwnSubtree(candidate) && candidate.id !== props.org.parentId
        }
      />
      <Show when={move.error()}>
        <ErrorNotice message={describeError(move.error())} />
      </Show>
      <FormButtons pending={move.pending()} onCancel={props.onCancel} />
    </form>
  );
}
