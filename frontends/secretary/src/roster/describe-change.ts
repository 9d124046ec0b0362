import { t, type MessageKey } from '@tongxin/i18n';
import { m } from '../messages.ts';

// A history row names columns as stored (`employer`, `status`, …): ledger and personal
// fields have shared labels (`ledger.*`); coded values (status, gender) are translated too.
const shared = (key: string): string | undefined => t(key as MessageKey) || undefined;

export function fieldLabel(field: string): string {
  return shared(`ledger.${field}`) ?? field;
}

function valueText(field: string, value: string | null): string {
  if (value === null || value === '') return m('history.none');
  if (field === 'status') return shared(`status.${value}`) ?? value;
  if (field === 'gender') return shared(`gender.${value}`) ?? value;
  return value;
}

/** "工作单位：A → B" */
export function describeChange(change: { field: string; from: string | null; to: string | null }): string {
  return m('history.change', { field: fieldLabel(change.field), from: valueText(change.field, change.from), to: valueText(change.field, change.to) });
}
