import { Show, createSignal } from 'solid-js';
import { ErrorNotice, describeError, saveFile } from '@tongxin/ui';
import { m } from '../messages.ts';
import { sheetOf, type SheetContext, type ShownTable } from './export-sheet.ts';

type Phase = 'idle' | 'loading' | 'building' | 'done';

/** Saves a table as .xlsx; exceljs (~250 KB gzipped) loads on the first click, and the button says what it is doing meanwhile. */
export function ExportButton(props: { table: () => ShownTable; context: () => SheetContext }) {
  const [phase, setPhase] = createSignal<Phase>('idle');
  const [failure, setFailure] = createSignal<unknown>(null);
  const busy = () => phase() === 'loading' || phase() === 'building';

  async function run() {
    if (busy()) return;
    setFailure(null);
    setPhase('loading');
    try {
      const { buildTableExport } = await import('@tongxin/ledger/xlsx');
      setPhase('building');
      const { sheet, fileName } = sheetOf(props.table(), props.context());
      saveFile(await buildTableExport(sheet), fileName);
      setPhase('done');
    } catch (error) {
      setFailure(error);
      setPhase('idle');
    }
  }

  return (
    <div class="export">
      <button type="button" class="secondary" onClick={run} disabled={busy()} aria-busy={busy()}>
        {m('export.button', { table: props.table().caption })}
      </button>
      <span role="status" class="meta">
        {phase() === 'loading' ? m('export.loading') : phase() === 'building' ? m('export.building') : phase() === 'done' ? m('export.done') : ''}
      </span>
      <Show when={failure()}>
        <ErrorNotice message={describeError(failure())} />
      </Show>
    </div>
  );
}
