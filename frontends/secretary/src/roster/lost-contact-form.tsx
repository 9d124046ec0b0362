import { roster } from '@tongxin/api-client';
import { LOST_CONTACT_REASONS } from '@tongxin/ledger';
import { m } from '../messages.ts';
import { SelectField } from './form-field.tsx';
import { FormFooter } from './form-status.tsx';
import { readForm } from './read-form.ts';
import type { MemberRecord } from './roster-api.ts';
import { createSubmission } from './submission.ts';

/** 失联 with one of the seven official reason codes (brief, "Lost contact"). */
export function LostContactForm(props: { member: MemberRecord; onDone: () => void; onCancel: () => void }) {
  const submission = createSubmission((reason: number, idempotencyKey) =>
    roster.mobility.markLostContact.mutate({ memberId: props.member.id, reason, idempotencyKey }),
  );

  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const reason = Number(readForm(event.currentTarget).reason);
    if (!(LOST_CONTACT_REASONS as readonly number[]).includes(reason)) return submission.reject({ reason: m('rule.required') });
    if (await submission.submit(reason)) props.onDone();
  };

  return (
    <form class="form" novalidate onSubmit={onSubmit} aria-label={m('actions.lostContact')}>
      <SelectField
        form="lost"
        name="reason"
        label={m('form.lostReason')}
        placeholder
        options={LOST_CONTACT_REASONS.map((code) => ({ value: String(code), label: `${code}. ${m(`reason.${code}`)}` }))}
        error={submission.fields().reason}
      />
      <FormFooter submission={submission} onCancel={props.onCancel} />
    </form>
  );
}
