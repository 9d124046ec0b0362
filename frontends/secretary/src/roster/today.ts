/** Today as YYYY-MM-DD in the user's time zone (the default of date boxes). */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
