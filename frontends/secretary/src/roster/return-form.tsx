import { roster } from '@tongxin/api-client';
import { ZPastDate } from '@tongxin/ledger';
import { z } from 'zod';
import { m } from '../messages.ts';
import { TextField } from './form-field.tsx';
import { FormFooter } from './form-status.tsx';
import { readForm } from './read-form.ts';
import type { MemberRecord } from './roster-api.ts';
import { createSubmission, issuesOf } from './submission.ts';
import { chinaDate } from '@tongxin/calendar';

const ZReturn = z.object({ returnedOn: ZPastDate, note: z.string().max(200, 'at most 200 characters').optional() });
type Return = z.infer<typeof ZReturn>;

/** 返乡: the member is back home (brief, "after returning"). */
export function ReturnForm(props: { member: MemberRecord; onDone: () => void; onCancel: () => void }) {
  const submission = createSubmission((back: Return, idempotencyKey) =>
    roster.mobility.registerReturn.mutate({ memberId: props.member.id, ...back, idempotencyKey }),
  );

  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const parsed = ZReturn.safeParse(readForm(event.currentTarget));
    if (!parsed.success) return submission.reject(issuesOf(parsed.error));
    if (await submission.submit(parsed.data)) props.onDone();
  };

  return (
    <form class="form" novalidate onSubmit={onSubmit} aria-label={m('actions.return')}>
      <TextField form="return" name="returnedOn" type="date" label={m('form.returnedOn')} value={chinaDate(new Date())} error={submission.fields().returnedOn} />
      <TextField form="return" name="note" label={m('form.note')} error={submission.fields().note} optional />
      <FormFooter submission={submission} onCancel={props.onCancel} />
    </form>
  );
}
