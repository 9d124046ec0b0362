import { locale } from './locale.ts';

/** The one formatter for numbers and dates shown to users, in the current language. */
export function format(value: number | Date, options?: Intl.NumberFormatOptions & Intl.DateTimeFormatOptions): string {
  if (value instanceof Date) return new Intl.DateTimeFormat(locale(), options ?? { dateStyle: 'medium' }).format(value);
  return new Intl.NumberFormat(locale(), options).format(value);
}
