import { roster } from '@tongxin/api-client';
import { chinaDate, chinaMonth } from '@tongxin/calendar';
import { locale } from '@tongxin/i18n';
import { DUES_BAND_WORDS, DUES_SCHEDULE_WORDS, fenToYuan, type DuesBand, type DuesSchedule } from '@tongxin/ledger';

// Output types of roster's dues procedures, inferred from its AppRouter.
export type DuesTable = Awaited<ReturnType<typeof roster.dues.table.query>>;
export type DuesRow = DuesTable['rows'][number];
export type DuesRates = Awaited<ReturnType<typeof roster.dues.rates.query>>;

export const today = () => chinaDate(new Date());
export const thisMonth = () => chinaMonth(new Date());

/** Amounts are fen on the wire, yuan on screen. */
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : fenToYuan(fen));

export const bandWords = (band: DuesBand | null) => (band ? DUES_BAND_WORDS[band][locale()] : '');
export const scheduleWords = (schedule: DuesSchedule | null) => (schedule ? DUES_SCHEDULE_WORDS[schedule][locale()] : '');

/** 2026-Q2 → "2026年第2季度" / "Q2 2026"; a month stays as it is. */
export function periodWords(period: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!match) return period;
  return locale() === 'en' ? `Q${match[2]} ${match[1]}` : `${match[1]}年第${match[2]}季度`;
}

/** The last eight quarters, newest first (YYYY-Qn). */
export function recentQuarters(month: string, count = 8): string[] {
  let [year, m] = month.split('-').map(Number) as [number, number];
  let q = Math.ceil(m / 3);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    out.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}
