import { day } from '../parts/when.ts';
import { periodName } from './period.ts';

/**
 * When an entry's activity was, as the list shows it: a monthly report's month (the report
 * is for a month: its entry counts from the month's first day, which read as a date the
 * points were entered), any other activity's day.
 */
export function entryWhen(entry: { kind: string; label: string | null; period: string; activityAt: string | Date }): string {
  if (entry.kind !== 'monthly_report') return day(entry.activityAt);
  const [year, month] = (/^\d{4}-\d{2}$/.test(entry.label ?? '') ? entry.label! : entry.period).split('-').map(Number);
  return periodName({ year: year!, month: month! });
}
