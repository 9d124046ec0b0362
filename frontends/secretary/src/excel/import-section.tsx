import { Match, Show, Switch, createSignal } from 'solid-js';
import { describeError } from '@tongxin/ui';
import { format } from '@tongxin/i18n';
import { OrgSelect } from '../shared/org-select.tsx';
import type { TreeOrg } from '../shared/org-types.ts';
import { ImportSummary } from './import-summary.tsx';
import type { ReadProgress } from '@tongxin/ledger/xlsx';
import { parseFailureText, readingText } from './error-text.ts';
import { t } from './messages.ts';
import { parseInWorker } from './parse-in-worker.ts';
import { ProgressBar } from './progress-bar.tsx';
import { TemplateButton } from './template-button.tsx';
import { ImportStopped, uploadRows, type ImportTotals, type RowError } from './upload-rows.ts';

const BRANCH_KINDS = ['branch', 'mobile_branch', 'flow_branch', 'general_branch'];

export interface ImportOutcome {
  totals: ImportTotals;
  /** Problems found while reading the file plus those the server found. */
  errors: RowError[];
  /** Set when the import stopped before the end. */
  stopped?: { done: number; reason: string };
}

/** Pick a file → read it in the browser → send it in chunks with progress → summary and error report. */
export function ImportSection(props: { orgs: readonly TreeOrg[] }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [defaultBranchId, setDefaultBranchId] = createSignal('');
  const [phase, setPhase] = createSignal<'idle' | 'reading' | 'uploading' | 'done'>('idle');
  const [progress, setProgress] = createSignal({ done: 0, total: 0 });
  const [retrying, setRetrying] = createSignal(0);
  const [reading, setReading] = createSignal<ReadProgress | null>(null);
  const [problem, setProblem] = createSignal('');
  const [outcome, setOutcome] = createSignal<ImportOutcome | null>(null);
  const busy = () => phase() === 'reading' || phase() === 'uploading';

  async function start(event: SubmitEvent) {
    event.preventDefault();
    const chosen = file();
    if (!chosen || busy()) return;
    setProblem('');
    setOutcome(null);
    setPhase('reading');
    setReading(null);
    let parsed: Awaited<ReturnType<typeof parseInWorker<'members'>>>;
    try {
      parsed = await parseInWorker('members', chosen, setReading);
    } catch (error) {
      setProblem(parseFailureText(error));
      return setPhase('idle');
    }
    if (parsed.rows.length === 0 && parsed.problems.length === 0) {
      setProblem(t('noRows'));
      return setPhase('idle');
    }
    setPhase('uploading');
    try {
      const totals = await uploadRows(parsed.rows, defaultBranchId() || undefined, {
        onProgress: (done, total) => {
          setRetrying(0);
          setProgress({ done, total });
        },
        onRetry: setRetrying,
      });
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
  }

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importTitle')}</h2>
      <p>{t('importIntro')}</p>
      <TemplateButton />
      <form class="form" onSubmit={start} style={{ 'margin-top': '1rem' }}>
        <div class="field">
          <label for="import-file">{t('file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <OrgSelect
          id="import-default-branch"
          label={t('defaultBranch')}
          orgs={props.orgs}
          value={defaultBranchId()}
          onChange={setDefaultBranchId}
          filter={(org) => BRANCH_KINDS.includes(org.kind) && !org.closedAt}
          emptyLabel={t('noDefaultBranch')}
        />
        <button type="submit" disabled={!file() || busy()} aria-busy={busy()}>
          {t('start')}
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
            label={t('progressLabel')}
            value={progress().done}
            max={progress().total}
            text={t('progress', { done: format(progress().done), total: format(progress().total) })}
          />
          <Show when={retrying() > 0}>
            <p role="status">{t('chunkRetry', { attempt: retrying() })}</p>
          </Show>
        </Match>
      </Switch>
      <Show when={outcome()} keyed>
        {(result) => <ImportSummary outcome={result} />}
      </Show>
    </section>
  );
}
