/** The current month in China time (UTC+8), as `YYYY-MM`: reports are due per calendar month there. */
export function currentPeriod(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}
