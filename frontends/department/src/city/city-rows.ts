// The city's table (issue 15) as plain data: which figures each column shows, from which
// service, and how the four services' answers become one row per county or org. No Solid here,
// so it is tested on its own (`city-rows.test.ts`).

export type CityService = 'roster' | 'reporting' | 'tasks' | 'scoring';

/** One service's figures for one county or org (absent figures are 0). */
export type Figures = Record<string, number>;
/** The four services' figures for one county or org. */
export type ServiceFigures = Partial<Record<CityService, Figures>>;

export const CITY_COLUMNS = ['mobile', 'checkedIn', 'lostContact', 'reportingRate', 'meetingsHeld', 'claims', 'completed', 'points'] as const;
export type CityColumn = (typeof CITY_COLUMNS)[number];

/** Where each count comes from (the figure names are `@tongxin/rollups`' contract). */
const COUNTS: Record<Exclude<CityColumn, 'reportingRate'>, [CityService, string]> = {
  mobile: ['roster', 'mobile'],
  checkedIn: ['roster', 'checkedIn'],
  lostContact: ['roster', 'lostContact'],
  meetingsHeld: ['reporting', 'meetingsHeld'],
  claims: ['tasks', 'claims'],
  completed: ['tasks', 'completed'],
  points: ['scoring', 'points'],
};

export interface CityRow {
  id: string;
  name: string;
  /** A count, or for `reportingRate` a share between 0 and 1; null when there is nothing to divide by. */
  values: Record<CityColumn, number | null>;
}

/** Reports submitted over reports due; null when no report was due (not 0 %: nobody was asked). */
export function reportingRate(figures: Figures | undefined): number | null {
  const due = figures?.reportsDue ?? 0;
  return due > 0 ? (figures?.reportsSubmitted ?? 0) / due : null;
}

/** The row's values from the four services' figures. */
export function rowValues(figures: ServiceFigures): Record<CityColumn, number | null> {
  const values = { reportingRate: reportingRate(figures.reporting) } as Record<CityColumn, number | null>;
  for (const [column, [service, figure]] of Object.entries(COUNTS) as [CityColumn, [CityService, string]][]) values[column] = figures[service]?.[figure] ?? 0;
  return values;
}

/** Each service's answer for the same list of ids (counties or orgs), merged by id. */
export function mergeByService<T>(answers: Partial<Record<CityService, T[]>>, idOf: (item: T) => string, figuresOf: (item: T) => Figures): Map<string, ServiceFigures> {
  const merged = new Map<string, ServiceFigures>();
  for (const [service, items] of Object.entries(answers) as [CityService, T[]][]) {
    for (const item of items) merged.set(idOf(item), { ...merged.get(idOf(item)), [service]: figuresOf(item) });
  }
  return merged;
}

/**
 * The counties side by side, in division-code order. A county is listed when any service lists
 * it (a copy of the grant may lag a moment behind another's).
 */
export function countyRows(merged: Map<string, ServiceFigures>, names: ReadonlyMap<string, string>): CityRow[] {
  return [...merged.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, figures]) => ({ id, name: names.get(id) ?? id, values: rowValues(figures) }));
}

const collator = new Intl.Collator('zh-CN');

/** An org's children (townships, or a township's branches), by name in pinyin order. */
export function childRows(merged: Map<string, ServiceFigures>, names: Readonly<Record<string, string>>): CityRow[] {
  return [...merged.entries()]
    .map(([id, figures]) => ({ id, name: names[id] ?? '', values: rowValues(figures) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The month now running in China, `YYYY-MM` (the time zone from the platform's Intl, no offset by hand). */
export function currentChinaMonth(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** `YYYY-MM` and not after the month now running: what the procedures accept. */
export function isPickableMonth(value: string, now: Date = new Date()): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && value <= currentChinaMonth(now);
}

/**
 * True for a city's tenant: the tenant id is its division code, and a city's ends in 00 (not
 * 0000). The same rule as `isCityTenant` in `@tongxin/auth`, which the services check; this
 * remote only uses it to choose the page, the services refuse a county's procedures to a city.
 */
export function isCityTenant(tenantId: string): boolean {
  return /^\d{4}00$/.test(tenantId) && !tenantId.endsWith('0000');
}
