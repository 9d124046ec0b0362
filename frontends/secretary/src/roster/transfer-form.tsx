import { Show, createResource } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { z } from 'zod';
import { m } from '../messages.ts';
import { SelectField, TextField } from './form-field.tsx';
import { FormFooter } from './form-status.tsx';
import { readForm } from './read-form.ts';
import type { MemberRecord } from './roster-api.ts';
import { settled } from './settled.ts';
import { createSubmission, issuesOf } from './submission.ts';
import { Loading } from '@tongxin/ui';

const RECEIVING_KINDS = ['branch', 'mobile_branch', 'flow_branch'];
const ZTransfer = z.object({
  toOrgId: z.string('must not be empty').min(1, 'must not be empty'),
  reason: z.string().max(200, 'at most 200 characters').optional(),
});
type Transfer = z.infer<typeof ZTransfer>;

/** Starts a membership transfer (组织关系转接) to another branch of the county. */
export function TransferForm(props: { member: MemberRecord & { branchId: string }; onDone: () => void; onCancel: () => void }) {
  const [orgs] = createResource(() => roster.orgs.tree.query({}));
  const choices = () =>
    (settled(orgs) ?? [])
      .filter((org) => RECEIVING_KINDS.includes(org.kind) && !org.closedAt && org.id !== props.member.branchId)
      .map((org) => ({ value: org.id, label: org.name }));
  const submission = createSubmission((transfer: Transfer, idempotencyKey) =>
    roster.transfers.request.mutate({ memberId: props.member.id, ...transfer, idempotencyKey }),
  );

  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const parsed = ZTransfer.safeParse(readForm(event.currentTarget));
    if (!parsed.success) return submission.reject(issuesOf(parsed.error));
    if (await submission.submit(parsed.data)) props.onDone();
  };

  return (
    <form class="form" novalidate onSubmit={onSubmit} aria-label={m('actions.transfer')}>
      <Show when={settled(orgs)} fallback={<Loading />}>
        <SelectField
          form="transfer"
          name="toOrgId"
          label={m('form.toOrg')}
          hint={m('form.toOrgHint')}
          placeholder
          options={choices()}
          error={submission.fields().toOrgId}
        />
      </Show>
      <TextField form="transfer" name="reason" label={m('form.reason')} error={submission.fields().reason} optional />
      <FormFooter submission={submission} onCancel={props.onCancel} />
    </form>
  );
}
