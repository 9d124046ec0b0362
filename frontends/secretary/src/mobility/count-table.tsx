import { For } from 'solid-js';
import { format } from '@tongxin/i18n';
import { t } from './messages.ts';

/** A two-column count table (organizations compared as organizations, brief "Burden rules"). */
export function CountTable(props: { caption: string; nameHeader: string; rows: { name: string; count: number }[] }) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label={props.caption} style={{ 'margin-bottom': '1rem' }}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.nameHeader}</th>
            <th scope="col">{t('count')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <td>{row.name}</td>
                <td>{format(row.count)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
