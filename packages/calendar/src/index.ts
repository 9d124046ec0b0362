/**
 * The China calendar, the one every date and period in Tongxin is in: members, secretaries
 * and the rules count days, months and years on Beijing time (UTC+8 all year, no daylight
 * saving). 07:00 Beijing time on 1 March is March although it is still February in UTC, so
 * nothing may take a date or a month from `toISOString()` directly: ask this module.
 *
 * Dates are `YYYY-MM-DD` and months `YYYY-MM`: both compare correctly as text.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant as China wall-clock time, read through the UTC getters and `toISOString`. */
const wallClock = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS);
/** A China wall-clock time (given as if it were UTC) as the instant it is. */
const instantOf = (wallClockMs: number) => new Date(wallClockMs - CHINA_OFFSET_MS);

/** The calendar date (`YYYY-MM-DD`) in China at `at`. */
export function chinaDate(at: Date): string {
  return wallClock(at).toISOString().slice(0, 10);
}

/** The calendar month (`YYYY-MM`) in China at `at`. */
export function chinaMonth(at: Date): string {
  return wallClock(at).toISOString().slice(0, 7);
}

/** The day of the month (1–31) in China at `at`. */
export function chinaDayOfMonth(at: Date): number {
  return wallClock(at).getUTCDate();
}

/** The calendar year in China at `at`. */
export function chinaYear(at: Date): number {
  return wallClock(at).getUTCFullYear();
}

export interface Range {
  /** The first instant. */
  start: Date;
  /** The first instant after. */
  end: Date;
}

const monthParts = (month: string) => month.split('-').map(Number) as [number, number];

/** [start, end) of a `YYYY-MM` month in China time. */
export function monthRange(month: string): Range {
  const [year, m] = monthParts(month);
  return { start: instantOf(Date.UTC(year, m - 1, 1)), end: instantOf(Date.UTC(year, m, 1)) };
}

/** [start, end) of a calendar year in China time. */
export function yearRange(year: number): Range {
  return { start: instantOf(Date.UTC(year, 0, 1)), end: instantOf(Date.UTC(year + 1, 0, 1)) };
}

/** The start of a calendar date (`YYYY-MM-DD`) in China time. */
export function dateStart(date: string): Date {
  return instantOf(Date.parse(`${date}T00:00:00Z`));
}

/** The month `count` months after `month` (before, when negative). */
export function addMonths(month: string, count: number): string {
  const [year, m] = monthParts(month);
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const previousMonth = (month: string) => addMonths(month, -1);

/** `count` months ending with `month`, oldest first: ('2026-02', 3) → 2025-12, 2026-01, 2026-02. */
export function monthsEndingWith(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}

export const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** A `datetime-local` value (`YYYY-MM-DDTHH:mm`, China wall-clock time) as an ISO instant. */
export function chinaLocalToIso(value: string): string {
  return instantOf(Date.parse(`${value}:00Z`)).toISOString();
}

/** An instant as a `datetime-local` value (`YYYY-MM-DDTHH:mm`) in China time. */
export function isoToChinaLocal(iso: string | Date): string {
  return wallClock(new Date(iso)).toISOString().slice(0, 16);
}

/** The IANA zone, for `Intl` formatting of instants as they read in China. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';
