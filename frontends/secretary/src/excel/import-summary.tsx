import { For, Show, createSignal, onMount } from 'solid-js';
import { format, locale } from '@tongxin/i18n';
import { columnText, problemText } from './error-text.ts';
import type { ImportOutcome } from './import-section.tsx';
import { t } from './messages.ts';
import { loadXlsx, saveFile } from './save-file.ts';

const SHOWN = 100;

/** Created / updated / unchanged / with errors, the problems, and the error report to fix the file from. */
export function ImportSummary(props: { outcome: ImportOutcome }) {
  const [busy, setBusy] = createSignal(false);
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
      saveFile(await xlsx.buildErrorReport(sorted(), locale()), `${t('reportFile')}.xlsx`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import-summary-heading">
      <h3 id="import-summary-heading" tabindex="-1" ref={heading}>
        {t('summaryTitle')}
      </h3>
      <Show when={props.outcome.stopped}>
        {(stopped) => (
          <div class="notice notice-error" role="alert">
            <p>{t('stopped', { done: format(stopped().done), reason: stopped().reason })}</p>
          </div>
        )}
      </Show>
      <ul class="counts" aria-label={t('summaryTitle')}>
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
            {t('downloadReport')}
          </button>
        </p>
        <div class="table-scroll">
          <table>
            <caption>{t('errorsTitle', { count: format(props.outcome.errors.length) })}</caption>
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
                    <td>{columnText(error.column)}</td>
                    <td>{problemText(error)}</td>
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
