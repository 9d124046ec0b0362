import { describe, expect, it } from 'vitest';
import { periodProblem } from './period.ts';

describe('report periods (China time)', () => {
  it('the month turns at midnight in China, not in UTC', () => {
    expect(periodProblem('2026-11', new Date('2026-10-31T16:30:00Z'))).toBeNull();
    expect(periodProblem('2026-11', new Date('2026-10-31T15:30:00Z'))).toBe('future_period');
  });

  it('the previous month stays open through the 10th; older and future months do not', () => {
    const tenth = new Date('2026-11-10T23:59:00+08:00');
    const eleventh = new Date('2026-11-11T00:00:00+08:00');
    expect(periodProblem('2026-11', tenth)).toBeNull();
    expect(periodProblem('2026-10', tenth)).toBeNull();
    expect(periodProblem('2026-10', eleventh)).toBe('period_closed');
    expect(periodProblem('2026-09', tenth)).toBe('period_closed');
    expect(periodProblem('2026-12', tenth)).toBe('future_period');
  });

  it('January reports December of the year before', () => {
    expect(periodProblem('2026-12', new Date('2027-01-05T12:00:00+08:00'))).toBeNull();
  });
});
