import { Chart, type ChartData } from './chart.tsx';
import { DataTable, type TableModel } from './data-table.tsx';
import type { SheetContext } from './export-sheet.ts';

/** A chart and the same numbers as a table beside it (below it on a phone). */
export function ChartWithTable(props: { heading: string; chart: ChartData; table: TableModel; context: () => SheetContext; chartHeight?: number }) {
  return (
    <section class="chart-pair" aria-label={props.heading}>
      <h3>{props.heading}</h3>
      <div class="chart-pair-body">
        <Chart data={props.chart} height={props.chartHeight} />
        <DataTable table={props.table} context={props.context} />
      </div>
    </section>
  );
}
