import { m } from '../messages.ts';
import type { FiguresQuery } from '../route.ts';
import type { ChartData } from './chart.tsx';
import { ChartWithTable } from './chart-with-table.tsx';
import { childrenTable } from './children-rows.ts';
import type { SheetContext } from './export-sheet.ts';
import { figure, type Figures } from './figures.ts';
import type { TreeOrg } from './overview-api.ts';

/** The current org's children with their key figures, and their mobile members drawn as bars. */
export function ChildrenTable(props: { children: readonly TreeOrg[]; figures: ReadonlyMap<string, Figures>; query: FiguresQuery; context: () => SheetContext }) {
  const chart = (): ChartData => ({
    kind: 'bar',
    horizontal: true,
    categories: props.children.map((child) => child.name),
    series: [
      { name: m('figure.mobile'), values: props.children.map((child) => figure(props.figures.get(child.id) ?? {}, 'mobile')) },
      { name: m('figure.checkedIn'), values: props.children.map((child) => figure(props.figures.get(child.id) ?? {}, 'checkedIn')) },
    ],
  });
  return (
    <section class="children" aria-labelledby="children-title">
      <h2 id="children-title">{m('children.title')}</h2>
      <ChartWithTable heading={m('children.chart')} chart={chart()} table={childrenTable(props.children, props.figures, props.query)} context={props.context} chartHeight={Math.max(240, props.children.length * 36)} />
    </section>
  );
}
