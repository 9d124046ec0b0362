import { format } from '@tongxin/i18n';

/** China time (UTC+8, no daylight saving): "this month" and "today" for reporting questions. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The current month as `YYYY-MM` in China time (the default period of the report pages). */
export function currentPeriod(now = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/** Today as `YYYY-MM-DD` in China time. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export const isPeriod = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** A `datetime-local` value (China wall-clock time) as an ISO instant. */
export function chinaLocalToIso(value: string): string {
  return new Date(`${value}:00+08:00`).toISOString();
}

/** An ISO instant as a `datetime-local` value in China time. */
export function isoToChinaLocal(iso: string): string {
  return new Date(new Date(iso).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}

/** An instant as date and time in China time: meetings are scheduled in it, so they read in it. */
export function formatChinaTime(value: string | Date): string {
  return format(new Date(value), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
}
