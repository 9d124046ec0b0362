/**
 * The calendar date in China (UTC+8, no daylight saving) at `now`: dates in the ledger
 * (left on, lost contact since) are local dates, and a job at 00:30 Beijing time is still
 * the previous day in UTC.
 */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
