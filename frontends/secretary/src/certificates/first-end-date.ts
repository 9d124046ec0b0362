import { today, type Candidate } from './certificates-api.ts';

/** The date `months` months after `date` (the month's last day when it has no such day). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * The issue form's first end date, from what the departure said (enter once): the expected
 * months from the day the member left when that is still ahead, else three months from `now`.
 */
export function firstEndDate(candidate: Pick<Candidate, 'leftOn' | 'expectedMonths'>, now: string = today()): string {
  const expected = candidate.leftOn && candidate.expectedMonths ? addMonthsToDate(candidate.leftOn, candidate.expectedMonths) : null;
  return expected && expected > now ? expected : addMonthsToDate(now, 3);
}
