import { chinaDate } from '@tongxin/calendar';
import { For, Show, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { format, locale } from '@tongxin/i18n';
import { ErrorNotice, describeError } from '@tongxin/ui';
import { OrgSelect } from '../shared/org-select.tsx';
import type { TreeOrg } from '../shared/org-types.ts';
import { t } from './messages.ts';
import { ProgressBar } from './progress-bar.tsx';
import { loadXlsx, saveFile } from '../shared/save-file.ts';

type Kind = 'roster' | 'ledger';
type Row = Awaited<ReturnType<typeof roster.excel.exportRows.query>>['rows'][number];
const kinds: Kind[] = ['roster', 'ledger'];
const PAGE = 500;

/** The roster or the mobile-member ledger (流动党员信息台账) of one org, fetched page by page, saved as .xlsx. */
export function ExportSection(props: { orgs: readonly TreeOrg[] }) {
  const [kind, setKind] = createSignal<Kind>('roster');
  const [orgId, setOrgId] = createSignal('');
  const [fetched, setFetched] = createSignal<number | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [said, setSaid] = createSignal('');

  async function run(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    setFailure(null);
    setSaid('');
    setFetched(0);
    try {
      const rows: Row[] = [];
      let after: string | undefined;
      let orgName = '';
      do {
        const page = await roster.excel.exportRows.query({ orgId: orgId() || undefined, kind: kind(), after, limit: PAGE });
        rows.push(...page.rows);
        orgName = page.orgName;
        after = page.next ?? undefined;
        setFetched(rows.length);
      } while (after);
      const xlsx = await loadXlsx();
      const date = chinaDate(new Date());
      const build = kind() === 'roster' ? xlsx.buildRosterExport : xlsx.buildLedgerExport;
      saveFile(await build(rows, locale(), { orgName, date }), `${t(`kind.${kind()}`)}-${orgName}-${date}.xlsx`);
      setSaid(t('exportDone', { count: format(rows.length) }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportTitle')}</h2>
      <p>{t('exportIntro')}</p>
      <form class="form" onSubmit={run}>
        <div class="field">
          <label for="export-kind">{t('exportKind')}</label>
          <select id="export-kind" value={kind()} onChange={(event) => setKind(event.currentTarget.value as Kind)}>
            <For each={kinds}>{(k) => <option value={k}>{t(`kind.${k}`)}</option>}</For>
          </select>
        </div>
        <OrgSelect id="export-org" label={t('exportOrg')} orgs={props.orgs} value={orgId()} onChange={setOrgId} emptyLabel={t('allOrgs')} />
        <button type="submit" disabled={busy()} aria-busy={busy()}>
          {t('exportStart')}
        </button>
      </form>
      <Show when={busy() && fetched() !== null}>
        <p role="status">{t('exportProgress', { done: format(fetched() ?? 0) })}</p>
      </Show>
      <Show when={failure()}>
        <ErrorNotice message={describeError(failure())} />
      </Show>
      <p role="status">{said()}</p>
    </section>
  );
}
