import { maskIdCard } from '@tongxin/ledger';
import type { FieldChange } from '../schema.ts';

/**
 * ID-card numbers appear masked in every history, for everyone: the full number is read
 * only through `members.revealIdCard`, which leaves a trace. Versions are written masked,
 * and read masked again, so versions written under an older mask show no more than today's.
 */
export function maskChanges(changes: FieldChange[]): FieldChange[] {
  return changes.map((c) => (c.field === 'idCardNumber' ? { field: c.field, from: maskIdCard(c.from), to: maskIdCard(c.to) } : c));
}
