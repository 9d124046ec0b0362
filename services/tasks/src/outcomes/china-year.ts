// Years are China calendar years (UTC+8, no daylight saving): an approval at 07:00 Beijing
// time on 1 January counts in the new year although it is still 31 December in UTC.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** [start, end) of a calendar year in China time. */
export function chinaYear(year: number): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS), end: new Date(Date.UTC(year + 1, 0, 1) - CHINA_OFFSET_MS) };
}
