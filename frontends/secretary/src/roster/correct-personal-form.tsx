import { roster } from '@tongxin/api-client';
import { t } from '@tongxin/i18n';
import { EDUCATION_LEVELS, ZPersonalPatch, type PersonalPatch } from '@tongxin/ledger';
import { m } from '../messages.ts';
import { SelectField, TextField } from './form-field.tsx';
import { FormFooter } from './form-status.tsx';
import { readForm } from './read-form.ts';
import type { MemberRecord } from './roster-api.ts';
import { createSubmission, issuesOf } from './submission.ts';

const FIELDS = ['name', 'gender', 'birthDate', 'phone', 'joinedOn', 'education'] as const;

/** The personal record; the full ID-card number is never prefilled (typing one replaces it). */
export function CorrectPersonalForm(props: { member: MemberRecord; onDone: () => void; onCancel: () => void }) {
  const submission = createSubmission(
    (personal: PersonalPatch, idempotencyKey) => roster.ledger.correct.mutate({ memberId: props.member.id, personal, idempotencyKey }),
    { prefixes: ['personal.'] },
  );
  const error = (field: string) => submission.fields()[field];

  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const values = readForm(event.currentTarget);
    const patch: Record<string, string> = {};
    for (const field of FIELDS) {
      const value = values[field];
      if (value !== undefined && value !== (props.member[field] ?? undefined)) patch[field] = value;
    }
    if (values.idCardNumber) patch.idCardNumber = values.idCardNumber;
    if (Object.keys(patch).length === 0) return submission.reject({ '(input)': m('form.noChange') });
    const parsed = ZPersonalPatch.safeParse(patch);
    if (!parsed.success) return submission.reject(issuesOf(parsed.error));
    if (await submission.submit(parsed.data)) props.onDone();
  };

  return (
    <form class="form" novalidate onSubmit={onSubmit} aria-label={m('actions.correctPersonal')}>
      <TextField form="personal" name="name" label={t('ledger.name')} value={props.member.name} error={error('name')} />
      <SelectField
        form="personal"
        name="gender"
        label={t('ledger.gender')}
        value={props.member.gender}
        placeholder
        options={[
          { value: 'male', label: t('gender.male') },
          { value: 'female', label: t('gender.female') },
        ]}
        error={error('gender')}
      />
      <TextField form="personal" name="birthDate" type="date" label={t('ledger.birthDate')} value={props.member.birthDate} error={error('birthDate')} />
      <TextField
        form="personal"
        name="idCardNumber"
        label={t('ledger.idCardNumber')}
        placeholder={props.member.idCardMasked ?? ''}
        error={error('idCardNumber')}
        optional
      />
      <TextField form="personal" name="phone" type="tel" label={t('ledger.phone')} value={props.member.phone} error={error('phone')} />
      <TextField form="personal" name="joinedOn" type="date" label={t('ledger.joinedOn')} value={props.member.joinedOn} error={error('joinedOn')} />
      <SelectField
        form="personal"
        name="education"
        label={t('ledger.education')}
        value={props.member.education}
        placeholder
        options={EDUCATION_LEVELS.map((level) => ({ value: level, label: t(`education.${level}`) }))}
        error={error('education')}
      />
      <FormFooter submission={submission} onCancel={props.onCancel} />
    </form>
  );
}
