import { taskWord } from '@tongxin/i18n/task-words';
import { m } from '../messages.ts';
import type { TableModel } from './table-model.ts';
import { familyKeys, figure, type Figures } from './figures.ts';
import type { TreeOrg } from './overview-api.ts';

const COLUMNS = [
  ['members', 'figure.members'],
  ['checkedInHere', 'figure.checkedInHere'],
  ['meetingsHeld', 'figure.meetingsHeld'],
  ['reportsAcknowledged', 'figure.reportsAcknowledged'],
  ['claims', 'figure.claims'],
  ['completed', 'figure.completed'],
] as const;

/** The flow organizations with their assessment's figures, an outcome column per unit any of them achieved; each name opens the org's overview. */
export function flowTable(orgs: readonly TreeOrg[], figures: ReadonlyMap<string, Figures>, month: string | undefined): TableModel {
  const units = familyKeys([...figures.values()], 'outcome');
  return {
    caption: m('flow.caption'),
    headers: [m('children.org'), m('flow.city'), ...COLUMNS.map(([, label]) => m(label)), ...units.map((unit) => m('figure.outcome', { unit: taskWord('unit', unit) }))],
    rows: orgs.map((org) => {
      const of = figures.get(org.id) ?? {};
      return [
        { value: org.name, to: { name: 'overview', org: org.id, month } },
        [org.province, org.city].filter(Boolean).join(' '),
        ...COLUMNS.map(([name]) => figure(of, name)),
        ...units.map((unit) => figure(of, `outcome:${unit}`)),
      ];
    }),
  };
}
