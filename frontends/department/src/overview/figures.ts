import type { RollupAnswer } from '@tongxin/rollups/contract';

/** Figures by name, the four services' answers merged (their names never overlap: `ROLLUP_FIGURES`). */
export type Figures = Readonly<Record<string, number>>;

/** A figure absent from a map is 0 (contract.ts). */
export const figure = (figures: Figures, name: string): number => figures[name] ?? 0;

/** The change from the month before. */
export const delta = (figures: Figures, previous: Figures, name: string): number => figure(figures, name) - figure(previous, name);

/** `part / whole` as a fraction, or null when there is no whole (no reports due is not a 0 % rate). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The two figures a rate is made of. */
export interface Rate {
  part: string;
  whole: string;
}

export const rateOf = (figures: Figures, rate: Rate): number | null => share(figure(figures, rate.part), figure(figures, rate.whole));

/**
 * A family's members (`age:18-35` → key `18-35`), in the order given, then the others by
 * value, largest first. Zero-valued keys of `order` are kept (a bar of 0 says "none"), unknown
 * ones without a value are not there to keep.
 */
export function familyOf(figures: Figures, family: string, order: readonly string[] = []): { key: string; value: number }[] {
  const prefix = `${family}:`;
  const found = new Map<string, number>();
  for (const [name, value] of Object.entries(figures)) if (name.startsWith(prefix)) found.set(name.slice(prefix.length), value);
  const listed = order.map((key) => ({ key, value: found.get(key) ?? 0 }));
  const others = [...found].filter(([key]) => !order.includes(key)).map(([key, value]) => ({ key, value }));
  others.sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  return [...listed, ...others];
}

/** The keys a family has in any of the maps (the trend's months, the children), for the columns of a table. */
export function familyKeys(maps: readonly Figures[], family: string): string[] {
  const prefix = `${family}:`;
  const keys = new Set<string>();
  for (const map of maps) for (const name of Object.keys(map)) if (name.startsWith(prefix)) keys.add(name.slice(prefix.length));
  return [...keys].sort();
}

/** The four services' answers as one: figures merged by name, children by org id; the oldest `asOf`, `behind` if any is. */
export interface Overview {
  month: string;
  orgId: string | null;
  figures: Figures;
  previous: Figures;
  trend: { month: string; figures: Figures }[];
  children: Map<string, Figures>;
  asOf: string | null;
  behind: boolean;
}

export function mergeAnswers(month: string, answers: readonly RollupAnswer[]): Overview {
  const merge = (maps: readonly Figures[]): Figures => Object.assign({}, ...maps);
  const months = answers[0]?.trend.map((point) => point.month) ?? [];
  const children = new Map<string, Figures>();
  for (const answer of answers) {
    for (const child of answer.children) children.set(child.org.id, { ...children.get(child.org.id), ...child.figures });
  }
  const asOfs = answers.map((answer) => answer.asOf);
  return {
    month,
    orgId: answers.find((answer) => answer.org)?.org?.id ?? null,
    figures: merge(answers.map((answer) => answer.figures)),
    previous: merge(answers.map((answer) => answer.previous)),
    trend: months.map((m) => ({ month: m, figures: merge(answers.map((answer) => answer.trend.find((point) => point.month === m)?.figures ?? {})) })),
    children,
    // The figures are as fresh as the stalest service's; one never brought up to date makes the whole unknown.
    asOf: asOfs.some((asOf) => asOf === null) ? null : (asOfs.filter((a): a is string => a !== null).sort()[0] ?? null),
    behind: answers.some((answer) => answer.behind),
  };
}
