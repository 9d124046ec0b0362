import { LEDGER_FIELDS, type Ledger, type LedgerField } from '@tongxin/ledger';

export type LedgerDraft = Record<LedgerField, string>;
export type LedgerPatchDraft = Partial<Record<LedgerField, string | null>>;

/** What the form starts from: every field as text, empty when not filled in. */
export function draftOf(ledger: Ledger): LedgerDraft {
  return Object.fromEntries(LEDGER_FIELDS.map((field) => [field, ledger[field] ?? ''])) as LedgerDraft;
}

/** Only the fields the member changed (absent = unchanged, null = cleared), as the API wants. */
export function patchOf(ledger: Ledger, draft: LedgerDraft): LedgerPatchDraft {
  const patch: LedgerPatchDraft = {};
  for (const field of LEDGER_FIELDS) {
    const next = draft[field].trim();
    if (next !== (ledger[field] ?? '')) patch[field] = next === '' ? null : next;
  }
  return patch;
}
