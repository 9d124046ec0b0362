import { roster } from '@tongxin/api-client';
import { CONTACT_CHANNELS, CONTACT_RESULTS, ZContactAttempt } from '@tongxin/ledger';
import type { z } from 'zod';
import { m } from '../messages.ts';
import { SelectField, TextField } from './form-field.tsx';
import { FormFooter } from './form-status.tsx';
import { readForm } from './read-form.ts';
import type { MemberRecord } from './roster-api.ts';
import { createSubmission, issuesOf } from './submission.ts';
import { chinaDate } from '@tongxin/calendar';

type Attempt = z.infer<typeof ZContactAttempt>;

/** One try to reach the member (the trail before "lost contact" and after it). */
export function ContactAttemptForm(props: { member: MemberRecord; onDone: () => void; onCancel: () => void }) {
  const submission = createSubmission((attempt: Attempt, idempotencyKey) =>
    roster.mobility.recordContactAttempt.mutate({ memberId: props.member.id, ...attempt, idempotencyKey }),
  );
  const error = (field: string) => submission.fields()[field];

  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const parsed = ZContactAttempt.safeParse(readForm(event.currentTarget));
    if (!parsed.success) return submission.reject(issuesOf(parsed.error));
    if (await submission.submit(parsed.data)) props.onDone();
  };

  return (
    <form class="form" novalidate onSubmit={onSubmit} aria-label={m('actions.contact')}>
      <TextField form="contact" name="attemptedOn" type="date" label={m('form.attemptedOn')} value={chinaDate(new Date())} error={error('attemptedOn')} />
      <SelectField
        form="contact"
        name="channel"
        label={m('form.channel')}
        value="phone"
        options={CONTACT_CHANNELS.map((channel) => ({ value: channel, label: m(`channel.${channel}`) }))}
        error={error('channel')}
      />
      <SelectField
        form="contact"
        name="result"
        label={m('form.result')}
        placeholder
        options={CONTACT_RESULTS.map((result) => ({ value: result, label: m(`result.${result}`) }))}
        error={error('result')}
      />
      <TextField form="contact" name="note" label={m('form.note')} error={error('note')} optional />
      <FormFooter submission={submission} onCancel={props.onCancel} />
    </form>
  );
}
