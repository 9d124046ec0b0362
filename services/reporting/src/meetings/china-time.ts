// Months and years are China calendar months and years (UTC+8, no daylight saving): a
// meeting at 07:00 Beijing time on 1 March belongs to March although it is still February in UTC.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** [start, end) of a `YYYY-MM` period in China time. */
export function monthRange(period: string): { start: Date; end: Date } {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return { start: new Date(Date.UTC(year, month - 1, 1) - CHINA_OFFSET_MS), end: new Date(Date.UTC(year, month, 1) - CHINA_OFFSET_MS) };
}

/** [start, end) of a calendar year in China time. */
export function yearRange(year: number): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS), end: new Date(Date.UTC(year + 1, 0, 1) - CHINA_OFFSET_MS) };
}

/** 1 October of `year`, China time: from then on a member without an in-person attendance is at risk. */
export function atRiskFrom(year: number): Date {
  return new Date(Date.UTC(year, 9, 1) - CHINA_OFFSET_MS);
}
