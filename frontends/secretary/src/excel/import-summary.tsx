import { For, Show, createSignal, createUniqueId, onMount } from 'solid-js';
import { format, locale } from '@tongxin/i18n';
import { columnText, problemText, reportVocabulary, type ImportVocabulary } from './error-text.ts';
import type { ImportOutcome } from './import-section.tsx';
import { t } from './messages.ts';
import { loadXlsx, saveFile } from '../shared/save-file.ts';

const SHOWN = 100;

/**
 * Created / updated / unchanged / with errors, the problems, and the error report to fix the
 * file from. `vocabulary` says whose columns and codes: the members import's (default) or the org tree's.
 */
export function ImportSummary(props: { outcome: ImportOutcome; vocabulary?: ImportVocabulary }) {
  const [busy, setBusy] = createSignal(false);
  const headingId = createUniqueId();
  const vocabulary = () => props.vocabulary ?? 'members';
  const title = () => (vocabulary() === 'orgs' ? t('orgSummaryTitle') : t('summaryTitle'));
  let heading: HTMLHeadingElement | undefined;
  // The import ran for a while: take the user to its result.
  onMount(() => heading?.focus());

  const errorRows = () => new Set(props.outcome.errors.map((error) => error.row)).size;
  const sorted = () => [...props.outcome.errors].sort((a, b) => a.row - b.row);
  const counts = () => [
    { label: t('created'), value: props.outcome.totals.created },
    { label: t('updated'), value: props.outcome.totals.updated },
    { label: t('unchanged'), value: props.outcome.totals.unchanged },
    { label: t('errors'), value: errorRows() },
  ];

  async function downloadReport() {
    setBusy(true);
    try {
      const xlsx = await loadXlsx();
      const file = vocabulary() === 'orgs' ? t('orgReportFile') : t('reportFile');
      saveFile(await xlsx.buildErrorReport(sorted(), locale(), reportVocabulary(vocabulary())), `${file}.xlsx`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} tabindex="-1" ref={heading}>
        {title()}
      </h3>
      <Show when={props.outcome.stopped}>
        {(stopped) => (
          <div class="notice notice-error" role="alert">
            <p>{t('stopped', { done: format(stopped().done), reason: stopped().reason })}</p>
          </div>
        )}
      </Show>
      <ul class="counts" aria-label={title()}>
        <For each={counts()}>
          {(count) => (
            <li>
              <span class="count">{format(count.value)}</span>
              {count.label}
            </li>
          )}
        </For>
      </ul>
      <Show when={props.outcome.errors.length > 0} fallback={<p>{t('noErrors')}</p>}>
        <p style={{ margin: '1rem 0' }}>
          <button type="button" disabled={busy()} aria-busy={busy()} onClick={downloadReport}>
            {vocabulary() === 'orgs' ? t('orgDownloadReport') : t('downloadReport')}
          </button>
        </p>
        <div class="table-scroll" tabindex="0" role="region" aria-label={t(vocabulary() === 'orgs' ? 'orgErrorsTitle' : 'errorsTitle', { count: format(props.outcome.errors.length) })}>
          <table>
            <caption>{t(vocabulary() === 'orgs' ? 'orgErrorsTitle' : 'errorsTitle', { count: format(props.outcome.errors.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('row')}</th>
                <th scope="col">{t('column')}</th>
                <th scope="col">{t('problem')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={sorted().slice(0, SHOWN)}>
                {(error) => (
                  <tr>
                    <td>{error.row}</td>
                    <td>{columnText(error.column, vocabulary())}</td>
                    <td>{problemText(error, vocabulary())}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={props.outcome.errors.length > SHOWN}>
          <p>{t('errorsMore', { shown: SHOWN })}</p>
        </Show>
      </Show>
    </section>
  );
}
