import { t, type MessageKey } from '@tongxin/i18n';
import { m } from './history-messages.ts';

/** A changed field's name and values, as the member reads them in the history. */
export function fieldLabel(field: string): string {
  const key = `ledger.${field}` as MessageKey;
  return t(key) ?? field;
}

export function fieldValue(field: string, value: string | null): string {
  if (value === null || value === '') return m('emptyValue');
  if (field === 'gender') return t(`gender.${value}` as MessageKey) ?? value;
  if (field === 'education' || field === 'awayReason') return t(`${field}.${value}` as MessageKey) ?? value;
  if (field === 'status') return t(`status.${value}` as MessageKey) ?? value;
  return value;
}
