import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { isMonth } from '@tongxin/calendar';
import { formatDate } from '../shared/format-date.ts';
import { loadXlsx, saveFile } from '../shared/save-file.ts';
import { bandWords, periodWords, scheduleWords, today, yuan, type DuesRow, type DuesTable } from './dues-api.ts';
import { t } from './messages.ts';
import { RecordForm, VoidForm } from './record-form.tsx';
import { SettingsForm } from './settings-form.tsx';

type Acting = { memberId: string; action: 'record' | 'settings' } | { memberId: string; action: 'void'; paymentId: string };

/** The table of one org and period, its totals and export, and the forms a row opens. */
export function DuesTableSection(props: { org: { id: string; name: string }; period: string }) {
  const [round, setRound] = createSignal(0);
  const [said, setSaid] = createSignal('');
  const [acting, setActing] = createSignal<Acting | null>(null);
  const [exporting, setExporting] = createSignal<'' | 'busy' | 'failed'>('');
  const query = () => (isMonth(props.period) || props.period.includes('Q') ? { orgId: props.org.id, period: props.period, round: round() } : null);
  const [table, { refetch }] = createResource(query, ({ round: _round, ...input }) => roster.dues.table.query(input));
  // Not `table.latest` while the first answer is on its way: that would suspend the page (see dues-page.tsx).
  const loaded = () => (table.state === 'ready' ? table() : table.state === 'refreshing' ? table.latest : undefined);
  const done = (text: string) => {
    setActing(null);
    setSaid(text);
    setRound((n) => n + 1);
  };

  async function exportTable(data: DuesTable) {
    setExporting('busy');
    try {
      const { buildTableExport } = await loadXlsx();
      const rows = data.rows.map((row) => [row.name, row.branchName, scheduleWords(row.schedule) || t('notSet'), bandWords(row.band), periodWords(row.period), yuan(row.dueFen), yuan(row.paidFen), yuan(row.unpaidFen), paymentsText(row)]);
      rows.push([t('totals'), '', '', '', '', yuan(data.totals.dueFen), yuan(data.totals.paidFen), yuan(data.totals.unpaidFen), '']);
      const bytes = await buildTableExport({
        sheetName: t('exportTitle').slice(0, 31),
        title: `${props.org.name} ${t('exportTitle')}`,
        subtitle: `${periodWords(props.period)}　${today()}`,
        headers: [t('name'), t('branch'), t('schedule'), t('band'), t('period'), t('due'), t('paid'), t('unpaid'), t('where')],
        rows,
      });
      saveFile(bytes, `${props.org.name}-${t('exportTitle')}-${props.period}.xlsx`);
      setExporting('');
    } catch {
      setExporting('failed');
    }
  }

  return (
    <section aria-labelledby="dues-table-title">
      <h2 id="dues-table-title">{periodWords(props.period)}</h2>
      <p role="status">{said()}</p>
      <Switch>
        <Match when={table.error}>
          <ErrorNotice message={describeError(table.error)} onRetry={refetch} />
        </Match>
        <Match when={!loaded()}>
          <Loading />
        </Match>
        <Match when={loaded()}>
          {(data) => (
            <Show when={data().rows.length > 0} fallback={<p>{t('empty')}</p>}>
              <p>
                <button type="button" class="secondary" disabled={exporting() === 'busy'} onClick={() => exportTable(data())}>
                  {exporting() === 'busy' ? t('exporting') : t('export')}
                </button>
              </p>
              <p role="status">{exporting() === 'failed' ? t('exportFailed') : ''}</p>
              <p>{t('totalsLine', { ...data().totals, due: yuan(data().totals.dueFen), paid: yuan(data().totals.paidFen), unpaid: yuan(data().totals.unpaidFen) })}</p>
              <div class="table-scroll">
                <table class="stack-table" aria-busy={table.loading}>
                  <caption>{t('tableCaption', { org: props.org.name, period: periodWords(props.period), count: data().rows.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('name')}</th>
                      <th scope="col">{t('branch')}</th>
                      <th scope="col">{t('schedule')}</th>
                      <th scope="col">{t('period')}</th>
                      <th scope="col">{t('due')}</th>
                      <th scope="col">{t('paid')}</th>
                      <th scope="col">{t('unpaid')}</th>
                      <th scope="col">{t('where')}</th>
                      <th scope="col">{t('actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={data().rows}>{(row) => <DuesTableRow row={row} onAct={setActing} />}</For>
                  </tbody>
                </table>
              </div>
              <Show when={acting()} keyed>
                {(current) => (
                  <Show when={data().rows.find((row) => row.memberId === current.memberId)}>
                    {(row) => (
                      <Switch>
                        <Match when={current.action === 'record'}>
                          <RecordForm row={row()} onDone={done} onCancel={() => setActing(null)} />
                        </Match>
                        <Match when={current.action === 'settings'}>
                          <SettingsForm row={row()} onDone={done} onCancel={() => setActing(null)} />
                        </Match>
                        <Match when={'paymentId' in current ? current.paymentId : null}>
                          {(paymentId) => <VoidForm row={row()} paymentId={paymentId()} onDone={done} onCancel={() => setActing(null)} />}
                        </Match>
                      </Switch>
                    )}
                  </Show>
                )}
              </Show>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function paymentsText(row: DuesRow): string {
  return row.payments
    .map((p) => t('paidLine', { date: p.paidOn, amount: yuan(p.paidFen), place: t(`place.${p.place}`), org: p.receiverOrgName }) + (p.certificateNumber ? ` ${p.certificateNumber}` : ''))
    .join('；');
}

function DuesTableRow(props: { row: DuesRow; onAct: (acting: Acting) => void }) {
  const row = () => props.row;
  return (
    <tr>
      <th scope="row" data-label={t('name')}>
        {row().name}
        <Show when={row().source === 'checked_in'}>
          {' '}<span class="badge">{t('checkedIn')}</span>
        </Show>
      </th>
      <td data-label={t('branch')}>{row().branchName}</td>
      <td data-label={t('schedule')}>{row().schedule ? `${scheduleWords(row().schedule)}，${bandWords(row().band)}` : t('notSet')}</td>
      <td data-label={t('period')}>{periodWords(row().period)}</td>
      <td data-label={t('due')}>{yuan(row().dueFen)}</td>
      <td data-label={t('paid')}>{yuan(row().paidFen)}</td>
      <td data-label={t('unpaid')}>
        <Show when={(row().unpaidFen ?? 0) > 0} fallback={yuan(row().unpaidFen)}>
          <span class="badge badge-warn">{yuan(row().unpaidFen)}</span>
        </Show>
      </td>
      <td data-label={t('where')}>
        <For each={row().payments}>
          {(p) => (
            <p class="meta">
              {t('paidLine', { date: formatDate(p.paidOn), amount: yuan(p.paidFen), place: t(`place.${p.place}`), org: p.receiverOrgName })}
              {p.certificateNumber ? ` ${t('certificate')} ${p.certificateNumber}` : ''}
              <Show when={row().source === 'member'}>
                {' '}
                <button type="button" class="small secondary" aria-label={t('voidFor', { name: row().name, period: periodWords(p.period) })}
                  onClick={() => props.onAct({ memberId: row().memberId, action: 'void', paymentId: p.id })}>{t('void')}</button>
              </Show>
            </p>
          )}
        </For>
      </td>
      <td data-label={t('actions')}>
        <div class="form-buttons">
          <Show when={row().schedule}>
            <button type="button" class="small" aria-label={t('recordFor', { name: row().name })} onClick={() => props.onAct({ memberId: row().memberId, action: 'record' })}>
              {t('record')}
            </button>
          </Show>
          <Show when={row().source === 'member'}>
            <button type="button" class="small secondary" aria-label={t('settingsFor', { name: row().name })} onClick={() => props.onAct({ memberId: row().memberId, action: 'settings' })}>
              {t('settings')}
            </button>
          </Show>
        </div>
      </td>
    </tr>
  );
}
