import { describe, expect, it } from 'vitest';
import {
  addMonths, chinaDate, chinaDayOfMonth, chinaLocalToIso, chinaMonth, chinaYear, dateStart, isoToChinaLocal, monthRange,
  monthsEndingWith, yearRange,
} from './index.ts';

// 23:30 UTC on 28 Feb 2027 is 07:30 on 1 March in Beijing.
const earlyMarchInBeijing = new Date('2027-02-28T23:30:00Z');

describe('the China calendar', () => {
  it('puts the hours between 00:00 and 08:00 Beijing time on the Beijing date, month and year', () => {
    expect(chinaDate(earlyMarchInBeijing)).toBe('2027-03-01');
    expect(chinaMonth(earlyMarchInBeijing)).toBe('2027-03');
    expect(chinaDayOfMonth(earlyMarchInBeijing)).toBe(1);
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
  });

  it('gives months, years and dates as the instants they begin at in Beijing', () => {
    expect(monthRange('2027-03')).toEqual({ start: new Date('2027-02-28T16:00:00Z'), end: new Date('2027-03-31T16:00:00Z') });
    expect(monthRange('2026-12').end).toEqual(new Date('2026-12-31T16:00:00Z'));
    expect(yearRange(2027)).toEqual({ start: new Date('2026-12-31T16:00:00Z'), end: new Date('2027-12-31T16:00:00Z') });
    expect(dateStart('2027-03-01')).toEqual(new Date('2027-02-28T16:00:00Z'));
  });

  it('counts months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(monthsEndingWith('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('reads and writes a datetime-local value as Beijing wall-clock time', () => {
    expect(chinaLocalToIso('2027-03-01T07:30')).toBe('2027-02-28T23:30:00.000Z');
    expect(isoToChinaLocal('2027-02-28T23:30:00.000Z')).toBe('2027-03-01T07:30');
  });
});
