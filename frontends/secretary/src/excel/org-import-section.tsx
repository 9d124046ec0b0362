import { Match, Show, Suspense, Switch, createResource, createSignal, createUniqueId } from 'solid-js';
import { identity, roster } from '@tongxin/api-client';
import { format, locale } from '@tongxin/i18n';
import { chunkForUpload } from '@tongxin/ledger/xlsx/fields';
import { ORG_IMPORT_CHUNK_ROWS, orderForImport } from '@tongxin/ledger/xlsx/org-fields';
import { describeError } from '@tongxin/ui';
import type { ImportOutcome } from './import-section.tsx';
import { ImportSummary } from './import-summary.tsx';
import type { ReadProgress } from '@tongxin/ledger/xlsx';
import { parseFailureText, readingText } from './error-text.ts';
import { t } from './messages.ts';
import { parseInWorker } from './parse-in-worker.ts';
import { ProgressBar } from './progress-bar.tsx';
import { loadXlsx, saveFile } from '../shared/save-file.ts';
import { ImportStopped, uploadChunks } from './upload-rows.ts';

/**
 * The department builds the county's org tree from a spreadsheet (issue 12): template,
 * file, progress per chunk, the rows refused and their report. Only the department imports
 * (the service refuses anyone else); a secretary does not see the section.
 */
export function OrgImportSection(props: { departmentName: string; onImported: () => void }) {
  const [me] = createResource(() => identity.auth.me.query());
  const isDepartment = () => !me.error && (me()?.roles ?? []).some((grant) => grant.role === 'department');
  return (
    <Suspense>
      <Show when={isDepartment()}>
        <OrgImportForm departmentName={props.departmentName} onImported={props.onImported} />
      </Show>
    </Suspense>
  );
}

function OrgImportForm(props: { departmentName: string; onImported: () => void }) {
  const ids = { heading: createUniqueId(), file: createUniqueId() };
  const [file, setFile] = createSignal<File | null>(null);
  const [phase, setPhase] = createSignal<'idle' | 'reading' | 'uploading' | 'done'>('idle');
  const [progress, setProgress] = createSignal({ done: 0, total: 0 });
  const [retrying, setRetrying] = createSignal(0);
  const [reading, setReading] = createSignal<ReadProgress | null>(null);
  const [problem, setProblem] = createSignal('');
  const [outcome, setOutcome] = createSignal<ImportOutcome | null>(null);
  const [templateBusy, setTemplateBusy] = createSignal(false);
  const busy = () => phase() === 'reading' || phase() === 'uploading';

  async function downloadTemplate() {
    setTemplateBusy(true);
    try {
      const xlsx = await loadXlsx();
      saveFile(await xlsx.buildOrgTemplate(locale(), { departmentName: props.departmentName }), `${t('orgTemplateFile')}.xlsx`);
    } finally {
      setTemplateBusy(false);
    }
  }

  async function start(event: SubmitEvent) {
    event.preventDefault();
    const chosen = file();
    if (!chosen || busy()) return;
    setProblem('');
    setOutcome(null);
    setPhase('reading');
    setReading(null);
    let parsed: Awaited<ReturnType<typeof parseInWorker<'orgs'>>>;
    try {
      parsed = await parseInWorker('orgs', chosen, setReading);
    } catch (error) {
      setProblem(parseFailureText(error));
      return setPhase('idle');
    }
    if (parsed.rows.length === 0 && parsed.problems.length === 0) {
      setProblem(t('orgNoRows'));
      return setPhase('idle');
    }
    setPhase('uploading');
    // Parents first, so a chunk never names a parent that a later chunk creates.
    const chunks = chunkForUpload(orderForImport(parsed.rows), ORG_IMPORT_CHUNK_ROWS);
    const hooks = {
      onProgress: (done: number, total: number) => {
        setRetrying(0);
        setProgress({ done, total });
      },
      onRetry: setRetrying,
    };
    try {
      const totals = await uploadChunks(chunks, (rows) => roster.excel.importOrgs.mutate({ rows }), hooks);
      setOutcome({ totals, errors: [...parsed.problems, ...totals.errors] });
    } catch (error) {
      const stopped = error instanceof ImportStopped ? error : new ImportStopped(0, { created: 0, updated: 0, unchanged: 0, errors: [] });
      setOutcome({
        totals: stopped.totals,
        errors: [...parsed.problems, ...stopped.totals.errors],
        stopped: { done: stopped.done, reason: describeError((error as Error).cause ?? error) },
      });
    }
    setPhase('done');
    props.onImported();
  }

  return (
    <section aria-labelledby={ids.heading} style={{ 'margin-bottom': '1.5rem' }}>
      <h2 id={ids.heading}>{t('orgImportTitle')}</h2>
      <p>{t('orgImportIntro')}</p>
      <button type="button" class="secondary" disabled={templateBusy()} aria-busy={templateBusy()} onClick={downloadTemplate}>
        {t('orgTemplate')}
      </button>
      <form class="form" onSubmit={start} style={{ 'margin-top': '1rem' }}>
        <div class="field">
          <label for={ids.file}>{t('orgFile')}</label>
          <input
            id={ids.file}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" disabled={!file() || busy()} aria-busy={busy()}>
          {t('orgStart')}
        </button>
      </form>
      <Show when={problem()}>
        <div class="notice notice-error" role="alert">
          <p>{problem()}</p>
        </div>
      </Show>
      <Switch>
        <Match when={phase() === 'reading'}>
          <Show when={reading()} keyed fallback={<p role="status">{t('reading')}</p>}>
            {(progress) => <ProgressBar label={t('reading')} value={progress.done} max={progress.total} text={readingText(progress)} />}
          </Show>
        </Match>
        <Match when={phase() === 'uploading' || phase() === 'done'}>
          <ProgressBar
            label={t('orgProgressLabel')}
            value={progress().done}
            max={progress().total}
            text={t('orgProgress', { done: format(progress().done), total: format(progress().total) })}
          />
          <Show when={retrying() > 0}>
            <p role="status">{t('chunkRetry', { attempt: retrying() })}</p>
          </Show>
        </Match>
      </Switch>
      <Show when={outcome()} keyed>
        {(result) => <ImportSummary outcome={result} vocabulary="orgs" />}
      </Show>
    </section>
  );
}
