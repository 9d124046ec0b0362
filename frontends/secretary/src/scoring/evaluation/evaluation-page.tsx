import { For, Show, createResource, createSignal } from 'solid-js';
import { chinaDate, chinaYear } from '@tongxin/calendar';
import { format } from '@tongxin/i18n';
import { ErrorNotice, ResourceList, createAction, describeError } from '@tongxin/ui';
import { saveFile } from '../../shared/save-file.ts';
import { recentYears } from '../points/period-fields.tsx';
import { scoringApi } from '../scoring-api.ts';
import { BRANCH_KINDS, loadOrgs } from '../../shared/org-options.ts';
import { ReportingStyles } from '../../shared/reporting-styles.tsx';
import { CardStyles } from '../../shared/card-styles.tsx';
import { OrgSelect } from '../../shared/org-select.tsx';
import { EvaluationStandards } from './evaluation-standards.tsx';
import { t } from './messages.ts';
import { ProposalCard } from './proposal-card.tsx';

const TOWNSHIP_KINDS = ['township', 'street'];

/** 考核评价: the annual proposals of an org's members, confirmed or changed with a reason, exported to Excel. */
export default function EvaluationPage() {
  const [orgs, orgs$] = createResource(loadOrgs);
  const [picked, setPicked] = createSignal('');
  const [year, setYear] = createSignal(chinaYear(new Date()));
  const branches = () => (orgs.error ? [] : (orgs() ?? []).filter((org) => BRANCH_KINDS.includes(org.kind)));
  // Townships (streets) too, above their branches: proposing for one covers all its branches.
  const selectable = (kind: string) => BRANCH_KINDS.includes(kind) || TOWNSHIP_KINDS.includes(kind);
  // The first branch in scope is the default: most secretaries have exactly one.
  const org = () => (orgs() ?? []).find((o) => o.id === picked()) ?? branches()[0];
  const [list, list$] = createResource(() => (org() ? { year: year(), orgId: org()!.id } : undefined), (input) => scoringApi.evaluation.list.query(input));
  const propose = createAction((input: { year: number; orgId: string }) => scoringApi.evaluation.propose.mutate(input));
  const confirmAll = createAction((input: { year: number; orgId: string }) => scoringApi.evaluation.confirmAll.mutate(input));
  const [said, setSaid] = createSignal('');
  const [exporting, setExporting] = createSignal(false);
  const [exportFailure, setExportFailure] = createSignal<unknown>(null);
  const confirmedCount = () => (list.latest ?? []).filter((row) => row.finalGrade).length;
  const openCount = () => (list.latest ?? []).length - confirmedCount();

  async function onConfirmAll() {
    const current = org();
    if (!current || openCount() === 0) return;
    setSaid('');
    const done = await confirmAll.run({ year: year(), orgId: current.id });
    if (done) {
      setSaid(t('confirmedAll', { count: format(done.output.confirmed) }));
      list$.refetch();
    }
  }

  async function onPropose() {
    const current = org();
    if (!current) return;
    setSaid('');
    if (await propose.run({ year: year(), orgId: current.id })) {
      setSaid(t('proposed', { year: year() }));
      list$.refetch();
    }
  }

  async function onExport() {
    const current = org();
    const rows = list.latest;
    if (!current || !rows || exporting()) return;
    setExporting(true);
    setExportFailure(null);
    setSaid(t('exporting'));
    try {
      const { buildEvaluationWorkbook } = await import('./evaluation-workbook.ts');
      const bytes = await buildEvaluationWorkbook(rows, { orgName: current.name, year: year(), date: chinaDate(new Date()) });
      saveFile(bytes, t('xlsx.file', { org: current.name, year: year() }));
      setSaid(t('exported', { count: format(rows.length) }));
    } catch (error) {
      setExportFailure(error);
      setSaid('');
    } finally {
      setExporting(false);
    }
  }

  return (
    <section class="reporting">
      <ReportingStyles />
      <CardStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <EvaluationStandards />
      <Show when={orgs.error}>
        <ErrorNotice message={describeError(orgs.error)} onRetry={orgs$.refetch} />
      </Show>
      <div class="toolbar">
        <div class="field">
          <label for="evaluation-year">{t('year')}</label>
          <select id="evaluation-year" value={year()} onChange={(event) => setYear(Number(event.currentTarget.value))}>
            <For each={recentYears()}>{(y) => <option value={y}>{y}</option>}</For>
          </select>
        </div>
        <Show when={!orgs.error && orgs()}>
          {(all) => (
            <OrgSelect id="evaluation-org" label={t('org')} orgs={all()} value={org()?.id ?? ''} onChange={setPicked} filter={(o) => selectable(o.kind)} />
          )}
        </Show>
      </div>
      <Show when={org()} fallback={<Show when={orgs() && !orgs.error}><p>{t('pickOrg')}</p></Show>}>
        <div class="form-buttons">
          <button type="button" disabled={propose.pending()} aria-busy={propose.pending()} onClick={onPropose}>
            {propose.pending() ? t('proposing') : t('propose')}
          </button>
          <Show when={openCount() > 0}>
            <button type="button" class="secondary" disabled={confirmAll.pending()} aria-busy={confirmAll.pending()} onClick={onConfirmAll}>
              {confirmAll.pending() ? t('confirmingAll', { count: format(openCount()) }) : t('confirmAll', { count: format(openCount()) })}
            </button>
          </Show>
          <button type="button" class="secondary" disabled={exporting() || !list.latest?.length} aria-busy={exporting()} onClick={onExport}>
            {exporting() ? t('exporting') : t('export')}
          </button>
        </div>
        <Show when={propose.error()}>
          <ErrorNotice message={describeError(propose.error())} />
        </Show>
        <Show when={confirmAll.error()}>
          <ErrorNotice message={describeError(confirmAll.error())} />
        </Show>
        <Show when={exportFailure()}>
          <ErrorNotice message={describeError(exportFailure())} />
        </Show>
        <p role="status">{said()}</p>
        <Show when={list.latest && list.latest.length > 0}>
          <p class="meta">{t('progress', { done: format(confirmedCount()), total: format(list.latest!.length) })}</p>
        </Show>
        <ResourceList resource={list} onRetry={list$.refetch} empty={t('empty')}>
          {(rows) => (
            <ul class="cards" aria-busy={list.loading}>
              <For each={rows()}>
                {(proposal) => (
                  <ProposalCard
                    proposal={proposal}
                    onDone={(text) => {
                      setSaid(text);
                      list$.refetch();
                    }}
                  />
                )}
              </For>
            </ul>
          )}
        </ResourceList>
      </Show>
    </section>
  );
}
