import { For } from 'solid-js';
import { m } from '../messages.ts';
import { ChartWithTable } from './chart-with-table.tsx';
import { dimensionChart, dimensionHeading, dimensionTable, DIMENSIONS } from './dimension-rows.ts';
import type { SheetContext } from './export-sheet.ts';
import type { Figures } from './figures.ts';

/**
 * The mobile members by age, gender, education, occupation, years away and reason for leaving:
 * a bar chart and a table each (by township: the children table).
 */
export function DimensionsSection(props: { figures: Figures; context: () => SheetContext }) {
  return (
    <section class="dimensions" aria-labelledby="dimensions-title">
      <h2 id="dimensions-title">{m('dimension.title')}</h2>
      <p class="meta">{m('dimension.intro')}</p>
      <div class="dimension-grid">
        <For each={DIMENSIONS}>
          {(dimension) => {
            const chart = () => dimensionChart(dimension, props.figures);
            return (
              <ChartWithTable
                heading={dimensionHeading(dimension)}
                chart={chart()}
                table={dimensionTable(dimension, props.figures)}
                context={props.context}
                chartHeight={Math.max(160, chart().categories.length * 32)}
              />
            );
          }}
        </For>
      </div>
    </section>
  );
}
