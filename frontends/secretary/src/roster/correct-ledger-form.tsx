import { For, Show } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { t } from '@tongxin/i18n';
import { AWAY_REASONS, LEDGER_FIELDS, LEDGER_STATUSES, ZAwayReason, ZLedgerPatch, type AwayReason, type LedgerPatch } from '@tongxin/ledger';
import { z } from 'zod';
import { m } from '../messages.ts';
import { SelectField, TextField } from './form-field.tsx';
import { FormFooter } from './form-status.tsx';
import { readForm } from './read-form.ts';
import type { MemberRecord } from './roster-api.ts';
import { createSubmission, issuesOf } from './submission.ts';

const PHONE_FIELDS = ['destinationPhone', 'destinationOrgContact'];
const ZChosenReason = z.object({ awayReason: ZAwayReason.optional() });

interface Correction {
  ledger: LedgerPatch;
  awayReason?: AwayReason | undefined;
}

/**
 * A secretary corrects ledger fields, and the reason a member away left: only the changed
 * ones are sent; an emptied box clears.
 */
export function CorrectLedgerForm(props: { member: MemberRecord; onDone: () => void; onCancel: () => void }) {
  const submission = createSubmission(
    (correction: Correction, idempotencyKey) => roster.ledger.correct.mutate({ memberId: props.member.id, ...correction, idempotencyKey }),
    { prefixes: ['ledger.'] },
  );
  const away = () => LEDGER_STATUSES.includes(props.member.status);

  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const values = readForm(event.currentTarget);
    const patch: Record<string, string | null> = {};
    for (const field of LEDGER_FIELDS) {
      const value = values[field] ?? null;
      if (value !== (props.member.ledger[field] ?? null)) patch[field] = value;
    }
    // The reason is chosen, not typed: the placeholder leaves it as it is.
    const reason = values.awayReason !== undefined && values.awayReason !== props.member.awayReason ? values.awayReason : undefined;
    if (Object.keys(patch).length === 0 && reason === undefined) return submission.reject({ '(input)': m('form.noChange') });
    const ledger = ZLedgerPatch.safeParse(patch);
    if (!ledger.success) return submission.reject(issuesOf(ledger.error));
    const chosen = ZChosenReason.safeParse({ awayReason: reason });
    if (!chosen.success) return submission.reject(issuesOf(chosen.error));
    if (await submission.submit({ ledger: ledger.data, ...chosen.data })) props.onDone();
  };

  return (
    <form class="form" novalidate onSubmit={onSubmit} aria-label={m('actions.correctLedger')}>
      <Show when={away()}>
        <SelectField
          form="ledger"
          name="awayReason"
          label={t('ledger.awayReason')}
          value={props.member.awayReason}
          placeholder
          options={AWAY_REASONS.map((reason) => ({ value: reason, label: t(`awayReason.${reason}`) }))}
          error={submission.fields().awayReason}
        />
      </Show>
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
