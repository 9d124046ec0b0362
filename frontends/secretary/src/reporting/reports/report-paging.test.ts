import { describe, expect, it } from 'vitest';
import { clampPage, listQuery, pageCount, pageRange, PAGE_SIZE } from './report-paging.ts';

describe('the monthly-report list’s pages', () => {
  it('counts pages of 50, at least one', () => {
    expect(PAGE_SIZE).toBe(50);
    expect([0, 1, 50, 51, 123].map((total) => pageCount(total))).toEqual([1, 1, 1, 2, 3]);
  });

  it('names the members a page shows, the last page short', () => {
    expect(pageRange(1, 123)).toEqual({ first: 1, last: 50 });
    expect(pageRange(3, 123)).toEqual({ first: 101, last: 123 });
    expect(pageRange(1, 0)).toEqual({ first: 0, last: 0 });
  });

  it('asks for the chosen org, the filter and the page’s offset; nothing while the month is not one', () => {
    expect(listQuery({ period: '2026-10', orgId: undefined, onlyMissing: false, page: 1 })).toEqual({ period: '2026-10', offset: 0, limit: 50 });
    expect(listQuery({ period: '2026-10', orgId: 'o1', onlyMissing: true, page: 3 })).toEqual({ period: '2026-10', orgId: 'o1', reported: false, offset: 100, limit: 50 });
    expect(listQuery({ period: '', orgId: undefined, onlyMissing: false, page: 1 })).toBeUndefined();
  });

  it('brings a page past the end back to the last one', () => {
    expect(clampPage(4, 123)).toBe(3);
    expect(clampPage(2, 0)).toBe(1);
    expect(clampPage(0, 10)).toBe(1);
  });
});
