import { format } from '@tongxin/i18n';

/** A stored date (YYYY-MM-DD) or time (ISO) in the user's language; empty stays empty. */
export function formatDate(value: string | null | undefined, withTime = false): string {
  if (!value) return '';
  // A calendar date is that day wherever it is read; an instant is read on Beijing time (format's default).
  if (value.length === 10) return format(new Date(`${value}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  return format(new Date(value), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
}
