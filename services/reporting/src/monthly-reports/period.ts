import { chinaDayOfMonth, chinaMonth, previousMonth } from '@tongxin/calendar';
import { z } from 'zod';

export const ZPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/**
 * Last day of a month on which the previous month may still be reported. Members report a
 * month in the first days of the next (brief: reports come in bursts at the start of a
 * month), so the previous month stays open through the 10th, China time; after that, and
 * for any older month, the period is closed and the branch's figures for it stand.
 */
export const PREVIOUS_MONTH_OPEN_THROUGH_DAY = 10;

/** Why a member may not report `period` at `now` (an error code), or null when it is open. */
export function periodProblem(period: string, now: Date): 'future_period' | 'period_closed' | null {
  const current = chinaMonth(now);
  if (period > current) return 'future_period';
  if (period === current) return null;
  if (period === previousMonth(current) && chinaDayOfMonth(now) <= PREVIOUS_MONTH_OPEN_THROUGH_DAY) return null;
  return 'period_closed';
}
