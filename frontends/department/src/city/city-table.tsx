import { For, Show } from 'solid-js';
import { format } from '@tongxin/i18n';
import { cm } from './city-messages.ts';
import { CITY_COLUMNS, type CityColumn, type CityRow } from './city-rows.ts';

function cell(column: CityColumn, value: number | null): string {
  if (value === null) return cm('city.noRate');
  return column === 'reportingRate' ? format(value, { style: 'percent', maximumFractionDigits: 1 }) : format(value);
}

/**
 * Counties, townships or branches side by side: one row each, the same eight figures. A row
 * opens the level below when `onOpen` is given (a branch opens nothing: no member is shown).
 */
export function CityTable(props: { caption: string; rows: CityRow[]; onOpen?: (row: CityRow) => void }) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{cm('city.col.name')}</th>
            <For each={CITY_COLUMNS}>{(column) => <th scope="col">{cm(`city.col.${column}`)}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <th scope="row">
                  <Show when={props.onOpen} fallback={row.name}>
                    {(open) => (
                      <button type="button" class="row-open" aria-label={cm('city.open', { name: row.name })} onClick={() => open()(row)}>
                        {row.name}
                      </button>
                    )}
                  </Show>
                </th>
                <For each={CITY_COLUMNS}>{(column) => <td>{cell(column, row.values[column])}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
