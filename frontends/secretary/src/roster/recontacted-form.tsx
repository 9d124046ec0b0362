import { roster } from '@tongxin/api-client';
import { m } from '../messages.ts';
import { FormFooter } from './form-status.tsx';
import type { MemberRecord } from './roster-api.ts';
import { createSubmission } from './submission.ts';

/** A found member is registered as re-contacted (brief, "Lost contact"). */
export function RecontactedForm(props: { member: MemberRecord; onDone: () => void; onCancel: () => void }) {
  const submission = createSubmission((_: null, idempotencyKey) => roster.mobility.markRecontacted.mutate({ memberId: props.member.id, idempotencyKey }));
  return (
    <form
      class="form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await submission.submit(null)) props.onDone();
      }}
      aria-label={m('actions.recontacted')}
    >
      <p>{m('form.recontactedConfirm')}</p>
      <FormFooter submission={submission} onCancel={props.onCancel} label={m('actions.recontacted')} />
    </form>
  );
}
