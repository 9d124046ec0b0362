import { m } from '../messages.ts';
import type { FiguresQuery } from '../route.ts';
import type { TableModel } from './table-model.ts';
import { figure, rateOf, type Figures } from './figures.ts';
import type { TreeOrg } from './overview-api.ts';

/** The children table's columns: a figure, or the reporting rate. */
const COLUMNS = [
  ['mobile', 'figure.mobile'],
  ['checkedIn', 'figure.checkedIn'],
  ['lostContact', 'figure.lostContact'],
  ['reportingRate', 'rate.reportingShort'],
  ['branchesGreen', 'figure.branchesGreen'],
  ['branchesAmber', 'figure.branchesAmber'],
  ['branchesRed', 'figure.branchesRed'],
  ['claims', 'figure.claims'],
  ['points', 'figure.points'],
] as const;

const REPORTING = { part: 'reportsSubmitted', whole: 'reportsDue' };

/** One row per child org, in the tree's order; its name opens that child's overview for the same month. */
export function childrenTable(children: readonly TreeOrg[], figures: ReadonlyMap<string, Figures>, query: FiguresQuery): TableModel {
  return {
    caption: m('children.caption'),
    headers: [m('children.org'), ...COLUMNS.map(([, label]) => m(label))],
    rows: children.map((child) => {
      const of = figures.get(child.id) ?? {};
      return [
        { value: child.name, to: { name: 'overview', ...query, org: child.id } },
        ...COLUMNS.map(([name]) => {
          if (name !== 'reportingRate') return figure(of, name);
          const rate = rateOf(of, REPORTING);
          return rate === null ? null : { percent: rate };
        }),
      ];
    }),
  };
}
