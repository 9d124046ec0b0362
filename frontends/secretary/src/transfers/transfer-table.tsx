import { For, Show } from 'solid-js';
import type { roster } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { t, type TransfersMessageKey } from './messages.ts';

export type InboxRow = Awaited<ReturnType<typeof roster.transfers.inbox.query>>[number];

export function TransferTable(props: { rows: InboxRow[]; busy: boolean; onOpen: (id: string) => void }) {
  return (
    <div class="table-scroll">
      <table aria-busy={props.busy}>
        <caption>{t('caption', { count: format(props.rows.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('member')}</th>
            <th scope="col">{t('direction')}</th>
            <th scope="col">{t('from')}</th>
            <th scope="col">{t('to')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <td>
                  <button type="button" class="secondary" aria-label={t('open', { name: row.memberName })} onClick={() => props.onOpen(row.id)}>
                    {row.memberName}
                  </button>
                  <Show when={row.needsMyAction}>
                    <strong style={{ display: 'block', color: 'var(--color-brand)' }}>{t('needsAction')}</strong>
                  </Show>
                </td>
                <td>{t(`direction.${row.direction}` as TransfersMessageKey) ?? row.direction}</td>
                <td>{row.fromBranch}</td>
                <td>{row.toName}</td>
                <td>{t(`status.${row.status}` as TransfersMessageKey) ?? row.status}</td>
                <td>{format(new Date(row.createdAt))}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
