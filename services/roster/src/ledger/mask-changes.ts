import { maskIdCard } from '@tongxin/ledger';
import type { FieldChange } from '../schema.ts';

/**
 * ID-card numbers appear masked in every history, for everyone: the full number is read
 * only through `members.revealIdCard`, which leaves a trace. Versions are written masked,
 * and read masked again for versions written before this rule.
 */
export function maskChanges(changes: FieldChange[]): FieldChange[] {
  return changes.map((c) => (c.field === 'idCardNumber' ? { field: c.field, from: maskOnce(c.from), to: maskOnce(c.to) } : c));
}

const maskOnce = (value: string | null) => (value && !value.includes('*') ? maskIdCard(value) : value);
