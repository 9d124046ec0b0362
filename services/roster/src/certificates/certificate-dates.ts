// Calendar arithmetic on `YYYY-MM-DD` dates (China dates, @tongxin/calendar): a certificate's
// limits are counted in months from the day the member left, its reminder in days before its end.

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const iso = (at: Date) => at.toISOString().slice(0, 10);

/** The date `days` days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The same day `months` months later; the month's last day when it has no such day (31 Aug + 6 → 28/29 Feb). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}
