import type { roster } from '@tongxin/api-client';

/** A certificate as `certificates.mine` answers it (roster's AppRouter). */
export type MyCertificate = Awaited<ReturnType<typeof roster.certificates.mine.query>>[number];

/** Days from `today` to a date. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
