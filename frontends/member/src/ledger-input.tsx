import { Show } from 'solid-js';
import { t } from '@tongxin/i18n';
import type { LedgerField } from '@tongxin/ledger';

const inputKinds: Partial<Record<LedgerField, { type: string; inputmode?: 'tel'; autocomplete?: string }>> = {
  destinationPhone: { type: 'tel', inputmode: 'tel', autocomplete: 'tel' },
  destinationOrgContact: { type: 'tel', inputmode: 'tel' },
  awaySince: { type: 'date' },
  residentialAddress: { type: 'text', autocomplete: 'street-address' },
  employer: { type: 'text', autocomplete: 'organization' },
  occupation: { type: 'text', autocomplete: 'organization-title' },
};

/** One labelled ledger field; its problem is read out with it (aria-describedby). */
export function LedgerInput(props: {
  field: LedgerField;
  value: string;
  error?: string;
  onInput: (value: string) => void;
  ref?: (element: HTMLInputElement) => void;
}) {
  const id = () => `ledger-${props.field}`;
  const kind = () => inputKinds[props.field] ?? { type: 'text' };
  return (
    <div class="field">
      <label for={id()}>{t(`ledger.${props.field}`)}</label>
      <input
        id={id()}
        name={props.field}
        ref={props.ref}
        type={kind().type}
        inputmode={kind().inputmode}
        autocomplete={kind().autocomplete ?? 'off'}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id()}-error` : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <Show when={props.error}>
        <p id={`${id()}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
