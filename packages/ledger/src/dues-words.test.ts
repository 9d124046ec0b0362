import { describe, expect, it } from 'vitest';
import { fenToYuan, monthsBetween, monthsOfPeriod, NATIONAL_DUES_TABLE, periodOfMonth, prefillMonthlyDue, quarterOfMonth, yuanToFen } from './dues-words.ts';

const line = (band: string) => NATIONAL_DUES_TABLE.find((l) => l.band === band)!;

describe('dues words', () => {
  it('amounts are integer fen, shown as yuan with two decimals, and read back the same', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(1250)).toBe('12.50');
    expect(fenToYuan(5)).toBe('0.05');
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen(' 40 ')).toBe(4000);
    expect(yuanToFen('0.05')).toBe(5);
    expect(yuanToFen('-1')).toBe(-100);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('一元')).toBeNull();
  });

  it('the national standard prefills a rate of the declared income, or the fixed amount', () => {
    expect(prefillMonthlyDue(line('upto_3000'), 2500)).toBe(1250);
    expect(prefillMonthlyDue(line('upto_5000'), 4000)).toBe(4000);
    expect(prefillMonthlyDue(line('upto_10000'), 8000)).toBe(12000);
    expect(prefillMonthlyDue(line('over_10000'), 12345.67)).toBe(24691);
    expect(prefillMonthlyDue(line('student'), null)).toBe(20);
    expect(prefillMonthlyDue(line('upto_3000'), null)).toBeNull();
  });

  it('a quarter covers three months; a month falls in one quarter', () => {
    expect(quarterOfMonth('2026-05')).toBe('2026-Q2');
    expect(quarterOfMonth('2026-12')).toBe('2026-Q4');
    expect(monthsOfPeriod('2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOfPeriod('2026-07')).toEqual(['2026-07']);
    expect(periodOfMonth('quarterly', '2026-08')).toBe('2026-Q3');
    expect(periodOfMonth('monthly', '2026-08')).toBe('2026-08');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });
});
