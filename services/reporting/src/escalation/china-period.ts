const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The month (`YYYY-MM`) and day of month in China (UTC+8, no daylight saving) at `now`: the
 * ladder counts days of the reporting month, and 00:30 Beijing time on the 1st is still the
 * previous month in UTC.
 */
export function chinaMonthDay(now: Date): { period: string; day: number } {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS).toISOString();
  return { period: local.slice(0, 7), day: Number(local.slice(8, 10)) };
}

/** The China calendar date (`YYYY-MM-DD`) at `now`. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `count` periods ending with `period`, oldest first: ('2026-02', 3) → 2025-12, 2026-01, 2026-02. */
export function periodsEndingWith(period: string, count: number): string[] {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const periods: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    periods.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return periods;
}
