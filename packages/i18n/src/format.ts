import { CHINA_TIME_ZONE, isoToChinaLocal } from '@tongxin/calendar';
import { locale } from './locale.ts';

// Every date and time in Tongxin is read on Beijing time (@tongxin/calendar), whatever the
// device's clock says: meetings, deadlines and reports happen there, and a secretary abroad
// or a phone set to another zone must read the same 09:00 as the member (a new user saw
// 01:00 on one page and 09:00 on another).

type Options = Intl.NumberFormatOptions & Intl.DateTimeFormatOptions;

// Building an Intl formatter is the costly part (locale data, time-zone rules); formatting
// with one is cheap. Each is built once per language and options: on the member's repeat
// visit, building one per call was the largest single cost of the render (a CPU profile
// under the 4× slowdown: 170 ms of about 1 s busy).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function formatter(kind: 'date' | 'number', options: Options | undefined): Intl.DateTimeFormat | Intl.NumberFormat {
  const language = locale();
  const key = `${kind} ${language} ${options ? JSON.stringify(options) : ''}`;
  let built = formatters.get(key);
  if (!built) {
    built = kind === 'date' ? new Intl.DateTimeFormat(language, { timeZone: CHINA_TIME_ZONE, ...(options ?? { dateStyle: 'medium' }) }) : new Intl.NumberFormat(language, options);
    formatters.set(key, built);
  }
  return built;
}

// Even one Beijing-time Intl.DateTimeFormat is costly to build the first time (the zone's
// rules and the locale's patterns: ~200 ms of the member's repeat visit under the 4×
// slowdown, after the cache above). The shapes the member's pages show in Chinese are
// written out from the calendar's wall-clock time instead, the same text as Intl's
// (format.test.ts compares them); any other shape, language or zone goes to Intl, and so do
// years before 1992, when Intl still knows China's summer time of 1986–1991.
const INTL_AGREES_SINCE = Date.UTC(1992, 0, 1);
const chineseDay = (local: string) => `${local.slice(0, 4)}年${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日`;
const clock = (local: string) => local.slice(11, 16);
const chineseShapes: Record<string, (local: string) => string> = {
  '': chineseDay,
  'dateStyle:medium': chineseDay,
  'dateStyle:medium timeStyle:short': (local) => `${chineseDay(local)} ${clock(local)}`,
  'hour:2-digit minute:2-digit hour12:false': clock,
  'timeStyle:short': clock,
  'timeStyle:short hourCycle:h23': clock,
};

function chineseDate(value: Date, options: Options | undefined): string | undefined {
  if (locale() !== 'zh-CN' || !(value.getTime() >= INTL_AGREES_SINCE)) return undefined;
  const { timeZone = CHINA_TIME_ZONE, ...rest } = options ?? {};
  if (timeZone !== CHINA_TIME_ZONE) return undefined;
  const shape = chineseShapes[Object.entries(rest).map(([name, v]) => `${name}:${String(v)}`).join(' ')];
  return shape?.(isoToChinaLocal(value));
}

// A whole count, the commonest number on a page, reads the same in both languages (1,234):
// it needs no NumberFormat either.
const wholeCount = (value: number) => (Number.isSafeInteger(value) ? value.toString().replace(/\B(?=(\d{3})+$)/g, ',') : undefined);

/** The one formatter for numbers and dates shown to users, in the current language; dates in Beijing time unless told otherwise. */
export function format(value: number | Date, options?: Options): string {
  if (value instanceof Date) return chineseDate(value, options) ?? (formatter('date', options) as Intl.DateTimeFormat).format(value);
  return (options ? undefined : wholeCount(value)) ?? formatter('number', options).format(value);
}
