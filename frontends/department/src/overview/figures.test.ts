import { describe, expect, it } from 'vitest';
import type { RollupAnswer } from '@tongxin/rollups/contract';
import { delta, familyKeys, familyOf, figure, mergeAnswers, rateOf, share } from './figures.ts';
import { asOfParts, monthChoices, monthOrCurrent } from './months.ts';

describe('figures, changes and rates', () => {
  it('reads an absent figure as 0 and the change from the month before', () => {
    expect(figure({ mobile: 5 }, 'lostContact')).toBe(0);
    expect(delta({ mobile: 5 }, { mobile: 7 }, 'mobile')).toBe(-2);
    expect(delta({ mobile: 5 }, {}, 'mobile')).toBe(5);
  });

  it('has no rate without a whole (no reports due is not 0 %)', () => {
    expect(share(3, 4)).toBe(0.75);
    expect(share(0, 0)).toBeNull();
    expect(rateOf({ reportsSubmitted: 9, reportsDue: 12 }, { part: 'reportsSubmitted', whole: 'reportsDue' })).toBe(0.75);
    expect(rateOf({}, { part: 'completed', whole: 'claims' })).toBeNull();
  });

  it('lists a family in its order, zeros kept, then the others largest first', () => {
    const figures = { 'age:36-45': 4, 'age:18-35': 9, 'age:unknown': 1, mobile: 14, 'occupation:厨师': 2, 'occupation:电工': 5 };
    expect(familyOf(figures, 'age', ['18-35', '36-45', '46-55'])).toEqual([
      { key: '18-35', value: 9 },
      { key: '36-45', value: 4 },
      { key: '46-55', value: 0 },
      { key: 'unknown', value: 1 },
    ]);
    expect(familyOf(figures, 'occupation')).toEqual([
      { key: '电工', value: 5 },
      { key: '厨师', value: 2 },
    ]);
    expect(familyKeys([{ 'outcome:boxes': 1 }, { 'outcome:jobs': 2, claims: 3 }], 'outcome')).toEqual(['boxes', 'jobs']);
  });
});

const answer = (parts: Partial<RollupAnswer>): RollupAnswer => ({
  month: '2026-11',
  org: { id: 'county', parentId: null },
  figures: {},
  previous: {},
  trend: [
    { month: '2026-10', figures: {} },
    { month: '2026-11', figures: {} },
  ],
  children: [],
  asOf: '2026-11-30T10:00:00.000Z',
  behind: false,
  ...parts,
});

describe("the four services' answers as one overview", () => {
  it('merges figures, the month before, the trend by month and the children by org', () => {
    const overview = mergeAnswers('2026-11', [
      answer({ figures: { mobile: 10 }, previous: { mobile: 8 }, trend: [{ month: '2026-10', figures: { mobile: 8 } }, { month: '2026-11', figures: { mobile: 10 } }], children: [{ org: { id: 'a', parentId: 'county' }, figures: { mobile: 6 } }] }),
      answer({ figures: { reportsDue: 10 }, trend: [{ month: '2026-10', figures: {} }, { month: '2026-11', figures: { reportsDue: 10 } }], children: [{ org: { id: 'a', parentId: 'county' }, figures: { reportsDue: 6 } }, { org: { id: 'b', parentId: 'county' }, figures: { reportsDue: 4 } }] }),
    ]);
    expect(overview.orgId).toBe('county');
    expect(overview.figures).toEqual({ mobile: 10, reportsDue: 10 });
    expect(overview.previous).toEqual({ mobile: 8 });
    expect(overview.trend).toEqual([
      { month: '2026-10', figures: { mobile: 8 } },
      { month: '2026-11', figures: { mobile: 10, reportsDue: 10 } },
    ]);
    expect(overview.children.get('a')).toEqual({ mobile: 6, reportsDue: 6 });
    expect(overview.children.get('b')).toEqual({ reportsDue: 4 });
  });

  it('is as fresh as its stalest service, unknown if one never ran, and behind if one is', () => {
    expect(mergeAnswers('2026-11', [answer({ asOf: '2026-11-30T10:05:00.000Z' }), answer({ asOf: '2026-11-30T10:00:00.000Z' })]).asOf).toBe('2026-11-30T10:00:00.000Z');
    expect(mergeAnswers('2026-11', [answer({}), answer({ asOf: null })]).asOf).toBeNull();
    expect(mergeAnswers('2026-11', [answer({}), answer({ behind: true })]).behind).toBe(true);
  });
});

describe('the months offered', () => {
  // 2026-12-01 01:00 in China is still November in UTC.
  const now = new Date('2026-11-30T17:00:00Z');
  it('start at the current China month, newest first, never a future month', () => {
    expect(monthChoices(now, 3)).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(monthOrCurrent(undefined, now)).toBe('2026-12');
    expect(monthOrCurrent('2027-01', now)).toBe('2026-12');
    expect(monthOrCurrent('2025-06', now)).toBe('2025-06');
  });
});

describe('as of', () => {
  it('says the China time, and the date when it was not today', () => {
    const now = new Date('2026-12-07T06:00:00Z');
    expect(asOfParts('2026-12-07T05:42:10.000Z', now)).toEqual({ time: '13:42', date: null });
    expect(asOfParts('2026-11-30T15:59:00.000Z', now)).toEqual({ time: '23:59', date: '2026-11-30' });
  });
});
