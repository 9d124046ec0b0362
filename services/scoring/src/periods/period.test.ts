import { describe, expect, it } from 'vitest';
import { periodMonths } from './period.ts';

// Months and years in China time are @tongxin/calendar's (tested there).
describe('points periods', () => {
  it('a month, a quarter and a year are ranges of months', () => {
    expect(periodMonths({ year: 2026, month: 3 })).toEqual({ from: '2026-03', to: '2026-03' });
    expect(periodMonths({ year: 2026, quarter: 4 })).toEqual({ from: '2026-10', to: '2026-12' });
    expect(periodMonths({ year: 2026 })).toEqual({ from: '2026-01', to: '2026-12' });
  });
});
