import { locale } from './locale.ts';

// Every date and time in Tongxin is read on Beijing time, whatever the device's clock says:
// meetings, deadlines and reports happen there, and a secretary abroad or a phone set to
// another zone must read the same 09:00 as the member (a new user saw 01:00 on one page and
// 09:00 on another). Same zone as @tongxin/calendar's CHINA_TIME_ZONE.
const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** The one formatter for numbers and dates shown to users, in the current language; dates in Beijing time unless told otherwise. */
export function format(value: number | Date, options?: Intl.NumberFormatOptions & Intl.DateTimeFormatOptions): string {
  if (value instanceof Date) return new Intl.DateTimeFormat(locale(), { timeZone: CHINA_TIME_ZONE, ...(options ?? { dateStyle: 'medium' }) }).format(value);
  return new Intl.NumberFormat(locale(), options).format(value);
}
