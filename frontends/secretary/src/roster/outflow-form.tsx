import { roster } from '@tongxin/api-client';
import { t } from '@tongxin/i18n';
import { AWAY_REASONS, ZAwayReason, ZPastDate } from '@tongxin/ledger';
import { z } from 'zod';
import { m } from '../messages.ts';
import { SelectField, TextField } from './form-field.tsx';
import { FormFooter } from './form-status.tsx';
import { readForm } from './read-form.ts';
import type { MemberRecord } from './roster-api.ts';
import { createSubmission, issuesOf } from './submission.ts';
import { chinaDate } from '@tongxin/calendar';

const place = (max: number) => z.string().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const ZOutflow = z.object({
  leftOn: ZPastDate,
  destinationProvince: place(20).optional(),
  destinationCity: place(40),
  // The register asks why (外出原因); the server accepts an outflow without one from older clients.
  // Through a string first, so a reason not chosen reads as required rather than as a wrong choice.
  reasonCode: z.string().pipe(ZAwayReason),
  reason: place(200).optional(),
  expectedMonths: z.coerce.number('a whole number').int('a whole number').min(1, 'at least 1').max(120, 'at most 120').optional(),
});
type Outflow = z.infer<typeof ZOutflow>;

/** 外出登记: why (a reason of the register, with a note), when, where to (brief, "Before leaving"). */
export function OutflowForm(props: { member: MemberRecord; onDone: () => void; onCancel: () => void }) {
  const submission = createSubmission((outflow: Outflow, idempotencyKey) =>
    roster.mobility.registerOutflow.mutate({ memberId: props.member.id, ...outflow, idempotencyKey }),
  );
  const error = (field: string) => submission.fields()[field];

  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const parsed = ZOutflow.safeParse(readForm(event.currentTarget));
    if (!parsed.success) return submission.reject(issuesOf(parsed.error));
    if (await submission.submit(parsed.data)) props.onDone();
  };

  return (
    <form class="form" novalidate onSubmit={onSubmit} aria-label={m('actions.outflow')}>
      <TextField form="outflow" name="leftOn" type="date" label={m('form.leftOn')} value={chinaDate(new Date())} error={error('leftOn')} />
      <TextField
        form="outflow"
        name="destinationProvince"
        label={t('ledger.destinationProvince')}
        value={props.member.ledger.destinationProvince}
        error={error('destinationProvince')}
        optional
      />
      <TextField form="outflow" name="destinationCity" label={t('ledger.destinationCity')} value={props.member.ledger.destinationCity} error={error('destinationCity')} />
      <SelectField
        form="outflow"
        name="reasonCode"
        label={t('ledger.awayReason')}
        placeholder
        options={AWAY_REASONS.map((reason) => ({ value: reason, label: t(`awayReason.${reason}`) }))}
        error={error('reasonCode')}
      />
      <TextField form="outflow" name="reason" label={m('form.reasonNote')} error={error('reason')} optional />
      <TextField form="outflow" name="expectedMonths" inputmode="numeric" label={m('form.expectedMonths')} error={error('expectedMonths')} optional />
      <FormFooter submission={submission} onCancel={props.onCancel} />
    </form>
  );
}
