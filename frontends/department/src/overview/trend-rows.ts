import { m, type DepartmentMessageKey } from '../messages.ts';
import type { ChartData } from './chart.tsx';
import type { TableModel } from './table-model.ts';
import { figure, rateOf, type Overview, type Rate } from './figures.ts';

/** A trend: counts drawn and tabled per month, or a rate drawn with the counts it is made of in the table. */
export interface Trend {
  id: string;
  heading: DepartmentMessageKey;
  kind: 'line' | 'bar';
  figures: readonly { name: string; label: DepartmentMessageKey }[];
  rate?: Rate & { label: DepartmentMessageKey };
}

export const TRENDS: readonly Trend[] = [
  { id: 'mobile', heading: 'trend.mobile', kind: 'line', figures: [{ name: 'mobile', label: 'figure.mobile' }, { name: 'checkedIn', label: 'figure.checkedIn' }, { name: 'lostContact', label: 'figure.lostContact' }] },
  { id: 'reporting', heading: 'trend.reporting', kind: 'line', figures: [{ name: 'reportsDue', label: 'figure.reportsDue' }, { name: 'reportsSubmitted', label: 'figure.reportsSubmitted' }], rate: { part: 'reportsSubmitted', whole: 'reportsDue', label: 'trend.reportingRate' } },
  { id: 'life', heading: 'trend.life', kind: 'bar', figures: [{ name: 'meetingsHeld', label: 'figure.meetingsHeld' }, { name: 'branchesGreen', label: 'figure.branchesGreen' }, { name: 'branchesAmber', label: 'figure.branchesAmber' }, { name: 'branchesRed', label: 'figure.branchesRed' }] },
  { id: 'tasks', heading: 'trend.tasks', kind: 'bar', figures: [{ name: 'claims', label: 'figure.claims' }, { name: 'completed', label: 'figure.completed' }] },
  { id: 'points', heading: 'trend.points', kind: 'line', figures: [{ name: 'points', label: 'figure.points' }] },
];

export function chartOf(trend: Trend, overview: Overview): ChartData {
  const categories = overview.trend.map((point) => point.month);
  if (trend.rate) {
    const rate = trend.rate;
    const values = overview.trend.map((point) => {
      const value = rateOf(point.figures, rate);
      return value === null ? null : Math.round(value * 1000) / 10;
    });
    return { kind: 'line', categories, series: [{ name: m(rate.label), values }], percent: true };
  }
  return { kind: trend.kind, categories, series: trend.figures.map((f) => ({ name: m(f.label), values: overview.trend.map((point) => figure(point.figures, f.name)) })) };
}

/** Months as columns (the month asked for last), one row per figure, and the rate's row under its counts. */
export function trendTable(trend: Trend, overview: Overview): TableModel {
  const rows: TableModel['rows'] = trend.figures.map((f) => [m(f.label), ...overview.trend.map((point) => figure(point.figures, f.name))]);
  const rate = trend.rate;
  if (rate) rows.push([m(rate.label), ...overview.trend.map((point) => { const value = rateOf(point.figures, rate); return value === null ? null : { percent: value }; })]);
  return { caption: m(trend.heading), headers: [m('table.figure'), ...overview.trend.map((point) => point.month)], rows };
}
