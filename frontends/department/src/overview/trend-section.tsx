import { For } from 'solid-js';
import { m } from '../messages.ts';
import { ChartWithTable } from './chart-with-table.tsx';
import type { SheetContext } from './export-sheet.ts';
import type { Overview } from './figures.ts';
import { chartOf, trendTable, TRENDS } from './trend-rows.ts';

/** The trends of the months before the one shown, each a chart with its table. */
export function TrendSection(props: { overview: Overview; context: () => SheetContext }) {
  return (
    <section class="trends" aria-labelledby="trends-title">
      <h2 id="trends-title">{m('trend.title', { count: props.overview.trend.length })}</h2>
      <For each={TRENDS}>
        {(trend) => <ChartWithTable heading={m(trend.heading)} chart={chartOf(trend, props.overview)} table={trendTable(trend, props.overview)} context={props.context} />}
      </For>
    </section>
  );
}
