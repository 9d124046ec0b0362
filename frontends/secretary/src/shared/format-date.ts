import { format } from '@tongxin/i18n';

/** A stored date (YYYY-MM-DD) or time (ISO) in the user's language; empty stays empty. */
export function formatDate(value: string | null | undefined, withTime = false): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  return format(date, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
}
