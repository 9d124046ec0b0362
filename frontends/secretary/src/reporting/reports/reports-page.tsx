import { Show, createSignal } from 'solid-js';
import { chinaMonth } from '@tongxin/calendar';
import { c } from '../../shared/messages.ts';
import { MonthField } from '../../shared/month-field.tsx';
import { ReportingStyles } from '../../shared/reporting-styles.tsx';
import { t } from './messages.ts';
import { ReportDetail } from './report-detail.tsx';
import { ReportList } from './report-list.tsx';
import { ReportRate } from './report-rate.tsx';

/**
 * Who has and has not reported for a month (this month in China time by default), for one org
 * at a time: the caller's top org at first (the department's county), its children's rates,
 * each opening that child, and a page of the members under it.
 */
export default function ReportsPage() {
  const [period, setPeriod] = createSignal(chinaMonth(new Date()));
  const [orgId, setOrgId] = createSignal<string | undefined>(undefined);
  const [onlyMissing, setOnlyMissing] = createSignal(false);
  const [page, setPage] = createSignal(1);
  const [open, setOpen] = createSignal<{ reportId: string; name: string } | null>(null);
  const [said, setSaid] = createSignal('');
  const [version, setVersion] = createSignal(0);
  const refetch = () => setVersion(version() + 1);
  const view = () => ({ period: period(), orgId: orgId(), onlyMissing: onlyMissing(), page: page() });
  const chooseOrg = (id: string) => {
    setOrgId(id);
    setPage(1);
    setOpen(null);
  };

  return (
    <section class="reporting">
      <ReportingStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div class="toolbar">
        <MonthField id="reports-period" value={period()} onChange={(value) => { setPeriod(value); setPage(1); setOpen(null); }} />
        <label style={{ display: 'flex', gap: '0.5rem', 'align-items': 'center', 'min-height': '2.5rem' }}>
          <input type="checkbox" checked={onlyMissing()} onChange={(event) => { setOnlyMissing(event.currentTarget.checked); setPage(1); }} />
          {t('onlyMissing')}
        </label>
        <button type="button" class="secondary" onClick={refetch}>{c('refresh')}</button>
      </div>
      <p role="status">{said()}</p>
      <ReportRate period={period()} orgId={orgId()} version={version()} onOrg={chooseOrg} />
      <ReportList view={view()} version={version()} onPage={setPage} onOpen={setOpen} />
      <Show when={open()} keyed>
        {(report) => (
          <ReportDetail
            reportId={report.reportId}
            name={report.name}
            period={period()}
            onClose={() => setOpen(null)}
            onDone={(text) => {
              setSaid(text);
              setOpen(null);
              refetch();
            }}
          />
        )}
      </Show>
    </section>
  );
}
