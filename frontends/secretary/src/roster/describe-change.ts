import { t, type MessageKey } from '@tongxin/i18n';
import { m, type SecretaryMessageKey } from '../messages.ts';
import { formatDate } from '../shared/format-date.ts';

// A history row names columns as stored (`employer`, `status`, …): ledger and personal
// fields have shared labels (`ledger.*`); coded values (status, gender, education, reasons) are
// translated, dates written as elsewhere, branch ids named.
const shared = (key: string): string | undefined => t(key as MessageKey) || undefined;
const own = (key: string): string | undefined => m(key as SecretaryMessageKey) || undefined;

/** Bookkeeping columns that change along with a shown one (the branch's path). */
const HIDDEN = new Set(['orgPath']);
const OWN_LABELS: Record<string, SecretaryMessageKey> = {
  lostContactSince: 'member.lostContactSince',
  lostContactReason: 'member.lostContactReason',
  branchId: 'history.branch',
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function fieldLabel(field: string): string {
  const key = OWN_LABELS[field];
  return key ? m(key) : (shared(`ledger.${field}`) ?? field);
}

/** Names a branch id; one no longer open (or outside the list) is "其他支部". */
export type BranchName = (id: string) => string | undefined;

function valueText(field: string, value: string | null, branchName: BranchName): string {
  if (value === null || value === '') return m('history.none');
  if (field === 'status') return shared(`status.${value}`) ?? value;
  if (field === 'gender') return shared(`gender.${value}`) ?? value;
  if (field === 'education' || field === 'awayReason') return shared(`${field}.${value}`) ?? value;
  if (field === 'lostContactReason') return own(`reason.${value}`) ?? value;
  if (field === 'branchId') return branchName(value) ?? m('history.otherBranch');
  if (DATE.test(value)) return formatDate(value);
  return value;
}

export const shownChange = (change: { field: string }) => !HIDDEN.has(change.field);

/** "工作单位：A → B" */
export function describeChange(change: { field: string; from: string | null; to: string | null }, branchName: BranchName = () => undefined): string {
  return m('history.change', {
    field: fieldLabel(change.field),
    from: valueText(change.field, change.from, branchName),
    to: valueText(change.field, change.to, branchName),
  });
}
