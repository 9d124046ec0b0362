import { addMonths, chinaDate, chinaMonth, isoToChinaLocal } from '@tongxin/calendar';

/** How far back the month picker goes: the trend's longest span. */
export const PICKER_MONTHS = 24;

/** The months a user may pick, newest first: this China month and the ones before it, never a future month. */
export function monthChoices(now: Date, count = PICKER_MONTHS): string[] {
  const current = chinaMonth(now);
  return Array.from({ length: count }, (_, i) => addMonths(current, -i));
}

/** The month asked for, or this month when none was (or a future one was typed into the address). */
export function monthOrCurrent(month: string | undefined, now: Date): string {
  const current = chinaMonth(now);
  return month && month <= current ? month : current;
}

/** When the figures were brought up to date, China time: the time alone when that was today, else the date too. */
export function asOfParts(asOf: string, now: Date): { time: string; date: string | null } {
  const local = isoToChinaLocal(asOf);
  const date = local.slice(0, 10);
  return { time: local.slice(11, 16), date: date === chinaDate(now) ? null : date };
}
