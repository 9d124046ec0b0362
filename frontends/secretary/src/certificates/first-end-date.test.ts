import { describe, expect, it } from 'vitest';
import { addMonthsToDate, firstEndDate } from './first-end-date.ts';

describe('the issue form’s first end date', () => {
  it('is the end the departure expected when that is still ahead, else three months on', () => {
    expect(firstEndDate({ leftOn: '2026-10-01', expectedMonths: 5 }, '2026-12-07')).toBe('2027-03-01');
    expect(firstEndDate({ leftOn: '2023-02-15', expectedMonths: 12 }, '2026-12-07')).toBe('2027-03-07');
    expect(firstEndDate({ leftOn: null, expectedMonths: null }, '2026-11-30')).toBe('2027-02-28');
  });

  it('keeps the day, or takes the month’s last', () => {
    expect(addMonthsToDate('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsToDate('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-01-15', 12)).toBe('2027-01-15');
  });
});
