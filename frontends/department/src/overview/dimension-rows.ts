import { t, type MessageKey } from '@tongxin/i18n';
import { AWAY_REASONS, EDUCATION_LEVELS } from '@tongxin/ledger';
import { m, type DepartmentMessageKey } from '../messages.ts';
import type { ChartData } from './chart.tsx';
import { familyOf, share, type Figures } from './figures.ts';
import type { TableModel } from './table-model.ts';

/**
 * The dimension families roster keeps over the mobile members (`ROLLUP_FIGURES.roster`), with
 * their keys' order: bands in their own order (education and the reason for leaving in
 * @tongxin/ledger's lists), zeros kept, unknown last; occupations as recorded, largest first.
 */
export const DIMENSIONS = [
  { family: 'age', order: ['18-35', '36-45', '46-55', '56+', 'unknown'] },
  { family: 'gender', order: ['male', 'female', 'unknown'] },
  { family: 'education', order: [...EDUCATION_LEVELS, 'unknown'] },
  { family: 'occupation', order: [] },
  { family: 'away', order: ['0-1', '1-3', '3-5', '5+', 'unknown'] },
  { family: 'awayReason', order: [...AWAY_REASONS, 'unknown'] },
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The bars a chart draws: the table lists every key (occupations can be many). */
const CHART_BARS = 12;

/** A family's key in words: the coded ones in the shared dictionary's words, the buckets translated, occupations as recorded. */
export function keyLabel(family: Dimension['family'], key: string): string {
  if (key === 'unknown') return m('dimension.unknown');
  if (family === 'gender') return m(`gender.${key}` as DepartmentMessageKey) ?? key;
  if (family === 'education' || family === 'awayReason') return t(`${family}.${key}` as MessageKey) ?? key;
  if (family === 'age') return m('dimension.ageBucket', { range: key });
  if (family === 'away') return m('dimension.awayBucket', { range: key });
  return key;
}

export const dimensionHeading = (dimension: Dimension) => m(`dimension.${dimension.family}`);

const rowsOf = (dimension: Dimension, figures: Figures) => familyOf(figures, dimension.family, dimension.order);

/** Horizontal bars of the mobile members per key, the largest few when there are many. */
export function dimensionChart(dimension: Dimension, figures: Figures): ChartData {
  const drawn = rowsOf(dimension, figures).slice(0, CHART_BARS);
  return { kind: 'bar', horizontal: true, categories: drawn.map((row) => keyLabel(dimension.family, row.key)), series: [{ name: m('figure.mobile'), values: drawn.map((row) => row.value) }] };
}

/** Every key with its mobile members and their share of the family's total. */
export function dimensionTable(dimension: Dimension, figures: Figures): TableModel {
  const rows = rowsOf(dimension, figures);
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  const heading = dimensionHeading(dimension);
  return {
    caption: heading,
    headers: [heading, m('figure.mobile'), m('dimension.share')],
    rows: rows.map((row) => {
      const part = share(row.value, total);
      return [keyLabel(dimension.family, row.key), row.value, part === null ? null : { percent: part }];
    }),
  };
}
