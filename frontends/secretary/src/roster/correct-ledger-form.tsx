import { For } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { t } from '@tongxin/i18n';
import { LEDGER_FIELDS, ZLedgerPatch, type LedgerPatch } from '@tongxin/ledger';
import { m } from '../messages.ts';
import { TextField } from './form-field.tsx';
import { FormFooter } from './form-status.tsx';
import { readForm } from './read-form.ts';
import type { MemberRecord } from './roster-api.ts';
import { createSubmission, issuesOf } from './submission.ts';

const PHONE_FIELDS = ['destinationPhone', 'destinationOrgContact'];

/** A secretary corrects ledger fields: only the changed ones are sent; an emptied box clears. */
export function CorrectLedgerForm(props: { member: MemberRecord; onDone: () => void; onCancel: () => void }) {
  const submission = createSubmission(
    (ledger: LedgerPatch, idempotencyKey) => roster.ledger.correct.mutate({ memberId: props.member.id, ledger, idempotencyKey }),
    { prefixes: ['ledger.'] },
  );

  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const values = readForm(event.currentTarget);
    const patch: Record<string, string | null> = {};
    for (const field of LEDGER_FIELDS) {
      const value = values[field] ?? null;
      if (value !== (props.member.ledger[field] ?? null)) patch[field] = value;
    }
    if (Object.keys(patch).length === 0) return submission.reject({ '(input)': m('form.noChange') });
    const parsed = ZLedgerPatch.safeParse(patch);
    if (!parsed.success) return submission.reject(issuesOf(parsed.error));
    if (await submission.submit(parsed.data)) props.onDone();
  };

  return (
    <form class="form" novalidate onSubmit={onSubmit} aria-label={m('actions.correctLedger')}>
      <For each={LEDGER_FIELDS}>
        {(field) => (
          <TextField
            form="ledger"
            name={field}
            label={t(`ledger.${field}`)}
            type={field === 'awaySince' ? 'date' : PHONE_FIELDS.includes(field) ? 'tel' : 'text'}
            value={props.member.ledger[field]}
            error={submission.fields()[field]}
            optional
          />
        )}
      </For>
      <FormFooter submission={submission} onCancel={props.onCancel} />
    </form>
  );
}
