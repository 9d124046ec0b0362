import { locale } from './locale.ts';

// Every date and time in Tongxin is read on Beijing time, whatever the device's clock says:
// meetings, deadlines and reports happen there, and a secretary abroad or a phone set to
// another zone must read the same 09:00 as the member (a new user saw 01:00 on one page and
// 09:00 on another). Same zone as @tongxin/calendar's CHINA_TIME_ZONE.
const CHINA_TIME_ZONE = 'Asia/Shanghai';

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
// slowdown, after the cache above). China has kept UTC+8 without summer time since 1992, so
// the shapes the member's pages show in Chinese are written out here, the same text as
// Intl's (format.test.ts compares them); any other shape, language or year goes to Intl.
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const NO_SUMMER_TIME_SINCE = Date.UTC(1992, 0, 1);
const two = (n: number) => String(n).padStart(2, '0');
const chineseShapes: Record<string, (d: Date) => string> = {
  '': (d) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`,
  'dateStyle:medium': (d) => chineseShapes['']!(d),
  'dateStyle:medium timeStyle:short': (d) => `${chineseShapes['']!(d)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
  'hour:2-digit minute:2-digit hour12:false': (d) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
  'timeStyle:short': (d) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
  'timeStyle:short hourCycle:h23': (d) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
};

function chineseDate(value: Date, options: Options | undefined): string | undefined {
  if (locale() !== 'zh-CN' || !(value.getTime() >= NO_SUMMER_TIME_SINCE)) return undefined;
  const { timeZone = CHINA_TIME_ZONE, ...rest } = options ?? {};
  if (timeZone !== CHINA_TIME_ZONE) return undefined;
  const shape = chineseShapes[Object.entries(rest).map(([name, v]) => `${name}:${String(v)}`).join(' ')];
  return shape?.(new Date(value.getTime() + BEIJING_OFFSET_MS));
}

// A whole count, the commonest number on a page, reads the same in both languages (1,234):
// it needs no NumberFormat either.
const wholeCount = (value: number) => (Number.isSafeInteger(value) ? value.toString().replace(/\B(?=(\d{3})+$)/g, ',') : undefined);

/** The one formatter for numbers and dates shown to users, in the current language; dates in Beijing time unless told otherwise. */
export function format(value: number | Date, options?: Options): string {
  if (value instanceof Date) return chineseDate(value, options) ?? (formatter('date', options) as Intl.DateTimeFormat).format(value);
  return (options ? undefined : wholeCount(value)) ?? formatter('number', options).format(value);
}
