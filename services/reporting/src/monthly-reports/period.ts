import { z } from 'zod';

export const ZPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/**
 * Last day of a month on which the previous month may still be reported. Members report a
 * month in the first days of the next (brief: reports come in bursts at the start of a
 * month), so the previous month stays open through the 10th, China time; after that, and
 * for any older month, the period is closed and the branch's figures for it stand.
 */
export const PREVIOUS_MONTH_OPEN_THROUGH_DAY = 10;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The month (`YYYY-MM`) and day of month in China (UTC+8, no daylight saving) at `now`. */
export function chinaMonth(now: Date): { period: string; day: number } {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS).toISOString();
  return { period: local.slice(0, 7), day: Number(local.slice(8, 10)) };
}

export function previousPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** Why a member may not report `period` at `now`, or null when it is open. */
export function periodProblem(period: string, now: Date): string | null {
  const { period: current, day } = chinaMonth(now);
  if (period > current) return 'that month has not begun yet';
  if (period === current) return null;
  if (period === previousPeriod(current) && day <= PREVIOUS_MONTH_OPEN_THROUGH_DAY) return null;
  return 'that month is closed for reports';
}
