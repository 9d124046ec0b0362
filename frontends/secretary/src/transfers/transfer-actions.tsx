import { Show, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, OptionalMark, createAction, describeError } from '@tongxin/ui';
import { OrgSelect } from '../shared/org-select.tsx';
import { t } from './messages.ts';

type Transfer = Awaited<ReturnType<typeof roster.transfers.get.query>>;
const OPEN = ['requested', 'origin_approved', 'township_approved'];
const BRANCH_KINDS = ['branch', 'mobile_branch', 'flow_branch', 'general_branch'];

/**
 * Approve (origin side) or accept (receiving side), reject with a stated reason (brief: a
 * destination declines only for a reason), or cancel one's own request. The server decides
 * who may do what; this shows the actions that fit the transfer's direction and status.
 */
export function TransferActions(props: { transfer: Transfer; onDone: () => void }) {
  const [note, setNote] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [reasonMissing, setReasonMissing] = createSignal(false);
  const [branchId, setBranchId] = createSignal('');
  const incoming = () => props.transfer.direction === 'incoming';
  const open = () => OPEN.includes(props.transfer.status);
  const [orgs] = createResource(() => props.transfer.needsMyAction && incoming(), () => roster.orgs.tree.query({}));

  const id = () => props.transfer.id;
  const approve = createAction((input: { transferId: string; note?: string }) => roster.transfers.approve.mutate(input));
  const accept = createAction((input: { transferId: string; toBranchId?: string }) => roster.transfers.accept.mutate(input));
  const reject = createAction((input: { transferId: string; reason: string }) => roster.transfers.reject.mutate(input));
  const cancel = createAction((input: { transferId: string }) => roster.transfers.cancel.mutate(input));
  const pending = () => approve.pending() || accept.pending() || reject.pending() || cancel.pending();
  const failure = () => approve.error() || accept.error() || reject.error() || cancel.error();

  const finish = (done: unknown) => done && props.onDone();
  const onApprove = async () => finish(await approve.run({ transferId: id(), note: note().trim() || undefined }));
  const onAccept = async () => finish(await accept.run({ transferId: id(), toBranchId: branchId() || undefined }));
  const onCancel = async () => finish(await cancel.run({ transferId: id() }));
  async function onReject() {
    setReasonMissing(reason().trim() === '');
    if (!reasonMissing()) finish(await reject.run({ transferId: id(), reason: reason().trim() }));
  }

  return (
    <div class="form" style={{ 'margin-top': '1rem' }}>
      <Show when={props.transfer.needsMyAction && open()}>
        <Show when={incoming()} fallback={
          <div class="field">
            <label for="transfer-note">{t('note')}<OptionalMark /></label>
            <input id="transfer-note" value={note()} onInput={(event) => setNote(event.currentTarget.value)} />
          </div>
        }>
          <Show when={orgs()}>
            {(list) => (
              <OrgSelect id="transfer-branch" label={t('acceptBranch')} orgs={list()} value={branchId()} onChange={setBranchId} filter={(org) => BRANCH_KINDS.includes(org.kind) && !org.closedAt} />
            )}
          </Show>
        </Show>
        <Show when={incoming()} fallback={<button type="button" disabled={pending()} onClick={onApprove}>{t('approve')}</button>}>
          <button type="button" disabled={pending()} onClick={onAccept}>{t('accept')}</button>
        </Show>
        <div class="field">
          <label for="transfer-reject-reason">{t('rejectReason')}</label>
          <p id="transfer-reject-hint" style={{ margin: 0, color: 'var(--color-muted)' }}>{t('rejectReasonHint')}</p>
          <input
            id="transfer-reject-reason"
            value={reason()}
            aria-invalid={reasonMissing() ? 'true' : undefined}
            aria-describedby={reasonMissing() ? 'transfer-reject-hint transfer-reject-error' : 'transfer-reject-hint'}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
          <Show when={reasonMissing()}>
            <p id="transfer-reject-error" class="field-error">{t('rejectNeedsReason')}</p>
          </Show>
        </div>
        <button type="button" class="secondary" disabled={pending()} onClick={onReject}>{t('reject')}</button>
      </Show>
      <Show when={!incoming() && open() && !props.transfer.needsMyAction}>
        <button type="button" class="secondary" disabled={pending()} onClick={onCancel}>{t('cancel')}</button>
      </Show>
      <Show when={failure()}>
        <ErrorNotice message={describeError(failure())} />
      </Show>
    </div>
  );
}
