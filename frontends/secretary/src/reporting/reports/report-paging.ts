import { isMonth } from '@tongxin/calendar';

/** Members a page of the monthly-report list shows (the server's default too). */
export const PAGE_SIZE = 50;

/** How many pages `total` members fill: at least one, so an empty list reads "page 1 of 1". */
export const pageCount = (total: number, size = PAGE_SIZE) => Math.max(1, Math.ceil(total / size));

/** The 1-based numbers of the first and last member on `page` (0–0 for an empty list). */
export function pageRange(page: number, total: number, size = PAGE_SIZE) {
  if (total === 0) return { first: 0, last: 0 };
  return { first: (page - 1) * size + 1, last: Math.min(page * size, total) };
}

export interface ListView {
  period: string;
  /** The org chosen on the page; none = the caller's top org, which the server picks. */
  orgId: string | undefined;
  onlyMissing: boolean;
  page: number;
}

/** What the list asks `monthlyReports.list` for, or undefined while the month is not a month. */
export function listQuery(view: ListView) {
  if (!isMonth(view.period)) return undefined;
  return {
    period: view.period,
    ...(view.orgId ? { orgId: view.orgId } : {}),
    ...(view.onlyMissing ? { reported: false } : {}),
    offset: (Math.max(1, view.page) - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/** A page past the end (the list shrank: a filter, reports coming in) falls back to the last one. */
export const clampPage = (page: number, total: number, size = PAGE_SIZE) => Math.min(Math.max(1, page), pageCount(total, size));
