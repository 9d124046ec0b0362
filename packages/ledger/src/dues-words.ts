// Dues (党费) records, not payment (issue 17): the vocabularies roster's tables and inputs, the
// views and the exports share. Amounts are integer fen everywhere; the views show yuan.

/**
 * The member's declared monthly income after tax, as a band of the county's dues table, and
 * the groups who pay a fixed small amount instead (students, the unemployed, retirees).
 */
export const DUES_BANDS = ['upto_3000', 'upto_5000', 'upto_10000', 'over_10000', 'student', 'unemployed', 'retiree'] as const;
export type DuesBand = (typeof DUES_BANDS)[number];

/** Monthly, or quarterly when moving makes monthly payment hard (brief, national rules). */
export const DUES_SCHEDULES = ['monthly', 'quarterly'] as const;
export type DuesSchedule = (typeof DUES_SCHEDULES)[number];

/** Where it was paid: at home, or at the destination with the activity certificate. */
export const DUES_PLACES = ['home', 'destination'] as const;
export type DuesPlace = (typeof DUES_PLACES)[number];

export const DUES_BAND_WORDS: Record<DuesBand, { 'zh-CN': string; en: string }> = {
  upto_3000: { 'zh-CN': '税后月收入3000元以下（含）', en: 'Monthly income after tax up to ¥3,000' },
  upto_5000: { 'zh-CN': '税后月收入3000–5000元（含）', en: 'Monthly income after tax ¥3,000–5,000' },
  upto_10000: { 'zh-CN': '税后月收入5000–10000元（含）', en: 'Monthly income after tax ¥5,000–10,000' },
  over_10000: { 'zh-CN': '税后月收入10000元以上', en: 'Monthly income after tax over ¥10,000' },
  student: { 'zh-CN': '学生党员', en: 'Student' },
  unemployed: { 'zh-CN': '下岗失业党员', en: 'Unemployed' },
  retiree: { 'zh-CN': '离退休党员（按养老金计）', en: 'Retiree (share of the pension)' },
};

export const DUES_SCHEDULE_WORDS: Record<DuesSchedule, { 'zh-CN': string; en: string }> = {
  monthly: { 'zh-CN': '按月交纳', en: 'Monthly' },
  quarterly: { 'zh-CN': '按季度交纳', en: 'Quarterly' },
};

export const DUES_PLACE_WORDS: Record<DuesPlace, { 'zh-CN': string; en: string }> = {
  home: { 'zh-CN': '在流出地交纳', en: 'Paid at home' },
  destination: { 'zh-CN': '凭活动证在流入地交纳', en: 'Paid at the destination with the certificate' },
};

/** One line of a county's dues table: a rate of the monthly income (basis points) or a fixed monthly amount (fen). */
export interface DuesRate {
  band: DuesBand;
  rateBp: number | null;
  fixedFen: number | null;
}

/**
 * The national standard, which a county's table starts from until its department changes a
 * line: 0.5 %, 1 %, 1.5 %, 2 % by income band; retirees 0.5 % of the pension (1 % above
 * 5,000 yuan: the county sets that member's amount); students and the unemployed a fixed
 * 0.20 yuan a month.
 */
export const NATIONAL_DUES_TABLE: readonly DuesRate[] = [
  { band: 'upto_3000', rateBp: 50, fixedFen: null },
  { band: 'upto_5000', rateBp: 100, fixedFen: null },
  { band: 'upto_10000', rateBp: 150, fixedFen: null },
  { band: 'over_10000', rateBp: 200, fixedFen: null },
  { band: 'student', rateBp: null, fixedFen: 20 },
  { band: 'unemployed', rateBp: null, fixedFen: 20 },
  { band: 'retiree', rateBp: 50, fixedFen: null },
];

/** Bands paid as a share of income (a retiree's of the pension); the others pay a fixed amount. */
export const isRateBand = (band: DuesBand): boolean => band.startsWith('upto_') || band === 'over_10000' || band === 'retiree';

/**
 * The monthly amount due the form prefills: the band's fixed amount, or its rate of the income
 * the member declared (yuan, not kept), rounded to the fen. The secretary may change it.
 */
export function prefillMonthlyDue(rate: DuesRate, declaredIncomeYuan: number | null): number | null {
  if (rate.fixedFen !== null) return rate.fixedFen;
  if (rate.rateBp === null || declaredIncomeYuan === null || !Number.isFinite(declaredIncomeYuan) || declaredIncomeYuan < 0) return null;
  return Math.round((declaredIncomeYuan * 100 * rate.rateBp) / 10_000);
}

/** 1234 fen → "12.34" (yuan), the one way an amount is shown. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12.3" / "12" / "12.34" yuan → fen; null when it is not an amount with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const match = /^\s*(-?)(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

/** A dues period: a month `2026-05` (monthly) or a quarter `2026-Q2` (quarterly). */
export const DUES_PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

export const isQuarter = (period: string): boolean => period.includes('Q');

/** The schedule a period belongs to. */
export const scheduleOfPeriod = (period: string): DuesSchedule => (isQuarter(period) ? 'quarterly' : 'monthly');

/** The quarter a month is in: 2026-05 → 2026-Q2. */
export function quarterOfMonth(month: string): string {
  const [year, m] = month.split('-');
  return `${year}-Q${Math.ceil(Number(m) / 3)}`;
}

/** The months a period covers: a month itself, a quarter its three. */
export function monthsOfPeriod(period: string): string[] {
  if (!isQuarter(period)) return [period];
  const [year, q] = period.split('-Q');
  const first = (Number(q) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${year}-${String(first + i).padStart(2, '0')}`);
}

/** The period a month falls in under a schedule. */
export const periodOfMonth = (schedule: DuesSchedule, month: string): string => (schedule === 'quarterly' ? quarterOfMonth(month) : month);

/** The last month of a period: a period is "after" a month when its last month is. */
export const lastMonthOf = (period: string): string => monthsOfPeriod(period).at(-1)!;
export const firstMonthOf = (period: string): string => monthsOfPeriod(period)[0]!;

/** Months from `from` to `to` inclusive (YYYY-MM), oldest first; empty when from is after to. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** What a period is due: the monthly amount, three times for a quarter. */
export const dueForPeriod = (monthlyDueFen: number, period: string): number => monthlyDueFen * monthsOfPeriod(period).length;
