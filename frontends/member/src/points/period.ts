import { chinaMonth, chinaYear } from '@tongxin/calendar';
import { format } from '@tongxin/i18n';
import { m } from './messages.ts';

export const SPANS = ['month', 'quarter', 'year'] as const;
export type Span = (typeof SPANS)[number];
export type Period = { year: number; month?: number; quarter?: number };

/**
 * The current month, quarter or year in China time (UTC+8): points are counted per calendar
 * period there, whatever the phone's time zone.
 */
export function periodOf(span: Span, now = new Date()): Period {
  const year = chinaYear(now);
  const month = Number(chinaMonth(now).slice(5, 7));
  if (span === 'month') return { year, month };
  if (span === 'quarter') return { year, quarter: Math.ceil(month / 3) };
  return { year };
}

/** "2026年5月" / "May 2026", "2026年第2季度" / "Q2 2026", "2026年" / "2026". */
export function periodName(period: Period): string {
  if (period.month) return format(new Date(Date.UTC(period.year, period.month - 1, 15)), { year: 'numeric', month: 'long', timeZone: 'UTC' });
  if (period.quarter) return m('quarterName', { year: period.year, quarter: period.quarter });
  return m('yearName', { year: period.year });
}
