import { describe, expect, it } from 'vitest';
import { chinaMonthOf, chinaYearOf, monthStart, periodMonths } from './period.ts';

describe('periods in China time', () => {
  it('an activity at 07:00 Beijing time on 1 March counts in March, although it is February in UTC', () => {
    expect(chinaMonthOf(new Date('2026-02-28T23:00:00Z'))).toBe('2026-03');
    expect(chinaMonthOf(new Date('2026-02-28T15:59:59Z'))).toBe('2026-02');
    expect(chinaYearOf(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
  });

  it('a month starts at midnight Beijing time', () => {
    expect(monthStart('2026-03').toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('a month, a quarter and a year are ranges of months', () => {
    expect(periodMonths({ year: 2026, month: 3 })).toEqual({ from: '2026-03', to: '2026-03' });
    expect(periodMonths({ year: 2026, quarter: 4 })).toEqual({ from: '2026-10', to: '2026-12' });
    expect(periodMonths({ year: 2026 })).toEqual({ from: '2026-01', to: '2026-12' });
  });
});
