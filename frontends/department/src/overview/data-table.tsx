import { For, Match, Show, Switch, type JSX } from 'solid-js';
import { format } from '@tongxin/i18n';
import { RouteLink, ViewLink } from '../links.tsx';
import { ExportButton } from './export-button.tsx';
import { cellText, type SheetContext } from './export-sheet.ts';
import { isLinked, shownTable, valueOf, type Cell, type TableModel } from './table-model.ts';

export type { Cell, LinkedCell, TableModel } from './table-model.ts';

function CellContent(props: { cell: Cell }): JSX.Element {
  const text = () => cellText(valueOf(props.cell), (n) => format(n));
  const linked = () => (isLinked(props.cell) ? props.cell : undefined);
  return (
    <Switch fallback={text()}>
      <Match when={linked()?.to}>{(to) => <RouteLink to={to()}>{text()}</RouteLink>}</Match>
      <Match when={linked()?.href}>{(href) => <ViewLink href={href()}>{text()}</ViewLink>}</Match>
    </Switch>
  );
}

/**
 * A real table with a caption (the first column names each row), scrolling sideways inside
 * its own focusable box on a phone, and a button that saves it as .xlsx.
 */
export function DataTable(props: { table: TableModel; context: () => SheetContext }) {
  const numeric = (cell: Cell) => typeof valueOf(cell) === 'number' || (valueOf(cell) !== null && typeof valueOf(cell) === 'object');
  // A header sits over its column's numbers (right) or text (left), as the first row has them.
  const numericColumn = (i: number) => i > 0 && props.table.rows.some((row) => row[i] !== undefined && numeric(row[i]!));
  return (
    <div class="data-table">
      <div class="table-scroll" tabindex="0" role="region" aria-label={props.table.caption}>
        <table>
          <caption>{props.table.caption}</caption>
          <thead>
            <tr>
              <For each={props.table.headers}>{(header, i) => <th scope="col" class={numericColumn(i()) ? 'num' : undefined}>{header}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.table.rows}>
              {(row) => (
                <tr>
                  <For each={row}>
                    {(cell, i) => (
                      <Show when={i() > 0} fallback={<th scope="row"><CellContent cell={cell} /></th>}>
                        <td class={numeric(cell) ? 'num' : undefined}>
                          <CellContent cell={cell} />
                        </td>
                      </Show>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <ExportButton table={() => shownTable(props.table)} context={props.context} />
    </div>
  );
}
