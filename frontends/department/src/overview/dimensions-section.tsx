import { For } from 'solid-js';
import { m, type DepartmentMessageKey } from '../messages.ts';
import { DIMENSIONS } from './cards.ts';
import { ChartWithTable } from './chart-with-table.tsx';
import type { SheetContext } from './export-sheet.ts';
import { familyOf, share, type Figures } from './figures.ts';

const CHART_BARS = 12;

/** A family's key in words: the known buckets translated, occupations as recorded. */
function keyLabel(family: string, key: string): string {
  if (key === 'unknown') return m('dimension.unknown');
  if (family === 'gender') return m(`gender.${key}` as DepartmentMessageKey) ?? key;
  if (family === 'age') return m('dimension.ageBucket', { range: key });
  if (family === 'away') return m('dimension.awayBucket', { range: key });
  return key;
}

/** The mobile members by age, gender, occupation and years away: a bar chart and a table each (by township: the children table). */
export function DimensionsSection(props: { figures: Figures; context: () => SheetContext }) {
  return (
    <section class="dimensions" aria-labelledby="dimensions-title">
      <h2 id="dimensions-title">{m('dimension.title')}</h2>
      <p class="meta">{m('dimension.intro')}</p>
      <div class="dimension-grid">
        <For each={DIMENSIONS}>
          {(dimension) => {
            const rows = () => familyOf(props.figures, dimension.family, dimension.order);
            const total = () => rows().reduce((sum, row) => sum + row.value, 0);
            const heading = () => m(`dimension.${dimension.family}` as DepartmentMessageKey);
            // Occupations are as recorded: the chart draws the largest, the table lists them all.
            const drawn = () => rows().slice(0, CHART_BARS);
            return (
              <ChartWithTable
                heading={heading()}
                chart={{ kind: 'bar', horizontal: true, categories: drawn().map((row) => keyLabel(dimension.family, row.key)), series: [{ name: m('figure.mobile'), values: drawn().map((row) => row.value) }] }}
                table={{
                  caption: heading(),
                  headers: [heading(), m('figure.mobile'), m('dimension.share')],
                  rows: rows().map((row) => {
                    const part = share(row.value, total());
                    return [keyLabel(dimension.family, row.key), row.value, part === null ? null : { percent: part }];
                  }),
                }}
                context={props.context}
                chartHeight={Math.max(160, drawn().length * 32)}
              />
            );
          }}
        </For>
      </div>
    </section>
  );
}
