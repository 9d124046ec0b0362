import { Show, Suspense, createSignal, lazy, onMount, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, Loading, createAction, describeError } from '@tongxin/ui';
import { LedgerFacts } from '../ledger-facts.tsx';
import { checkText } from '../parts/field-problem.ts';
import { m as common } from '../parts/messages.ts';
import { TextField } from '../parts/text-field.tsx';
import type { Profile } from '../profile.ts';
import { bigButton } from '../touch.ts';
import { m } from './messages.ts';
import type { Report } from './report-types.ts';
import { sendOrQueue } from '../shared/write-queue.ts';

// The ledger form from issue 5, opened in place when the member says the ledger changed.
const LedgerForm = lazy(() => import('../ledger-form.tsx'));

const LIMITS = { summary: 2000, study: 1000, difficulties: 1000 } as const;
type Problems = Partial<Record<'summary' | 'ledgerChange' | 'study' | 'difficulties', string>>;

/**
 * This month's report (brief: enter once). The ledger is shown as it is; "nothing changed"
 * also confirms it, "something changed" opens the ledger form and links the saved version.
 */
export function ReportForm(props: {
  period: string;
  me: Profile;
  current: Report | undefined;
  onLedgerChanged: () => void;
  /** `queued`: kept on the phone to be sent when online (issue 18). */
  onSent: (queued: boolean) => void;
  onCancel?: () => void;
}) {
  // The form starts from the report as it was when it opened (a draft from then on).
  const current = untrack(() => props.current);
  const [draft, setDraft] = createStore({
    summary: current?.summary ?? '',
    ledgerChange: (current?.ledgerChange ?? '') as '' | 'unchanged' | 'updated',
    study: current?.study ?? '',
    difficulties: current?.difficulties ?? '',
    helpWanted: current?.helpWanted ?? false,
  });
  // The ledger version saved from this form; a report already linked to a version keeps it.
  const [ledgerVersion, setLedgerVersion] = createSignal<number | undefined>(current?.ledgerVersion ?? undefined);
  const [editingLedger, setEditingLedger] = createSignal(false);
  const [problems, setProblems] = createSignal<Problems>({});
  // Sent now, or kept in the phone's queue with this key when there is no answer (issue 18).
  const send = createAction((input: Omit<Parameters<typeof reporting.monthlyReports.submit.mutate>[0], 'idempotencyKey'>, idempotencyKey: string) =>
    sendOrQueue('report.submit', input, { label: input.period, subject: input.period, idempotencyKey }));
  let form: HTMLFormElement | undefined;
  let heading: HTMLHeadingElement | undefined;
  onMount(() => props.current && heading?.focus());

  function check(): Problems {
    const found: Problems = {};
    const summary = checkText(draft.summary, { required: true, max: LIMITS.summary });
    if (summary) found.summary = summary;
    if (!draft.ledgerChange) found.ledgerChange = m('chooseLedger');
    else if (draft.ledgerChange === 'updated' && ledgerVersion() === undefined) found.ledgerChange = m('ledgerNotEdited');
    for (const field of ['study', 'difficulties'] as const) {
      const problem = checkText(draft[field], { max: LIMITS[field] });
      if (problem) found[field] = problem;
    }
    return found;
  }

  function show(found: Problems) {
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) form?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const local = check();
    if (Object.keys(local).length > 0) return show(local);
    setProblems({});
    const ledgerChange = draft.ledgerChange as 'unchanged' | 'updated';
    const optional = (text: string) => (text.trim() ? text.trim() : undefined);
    const sent = await send.run({
      period: props.period,
      summary: draft.summary.trim(),
      ledgerChange,
      ledgerVersion: ledgerChange === 'updated' ? ledgerVersion() : undefined,
      study: optional(draft.study),
      difficulties: optional(draft.difficulties),
      helpWanted: draft.helpWanted,
    });
    if (sent) {
      const queued = 'queued' in sent.output;
      if (ledgerChange === 'unchanged' && !queued) props.onLedgerChanged(); // the ledger is now confirmed
      props.onSent(queued);
    } else if (Object.keys(send.fields()).length > 0) show(send.fields() as Problems);
  }

  const count = () => Object.keys(problems()).length;

  return (
    <form class="form" noValidate ref={form} onSubmit={submit} aria-labelledby="report-form-heading">
      <h3 id="report-form-heading" tabindex="-1" ref={heading}>
        {props.current ? m('edit') : m('fill')}
      </h3>
      <Show when={count() > 0}>
        <div class="notice notice-error" role="alert">
          <p>{common('fixFields', { count: count() })}</p>
        </div>
      </Show>
      <TextField id="summary" label={m('summary')} hint={m('summaryHint')} multiline max={LIMITS.summary}
        value={draft.summary} onInput={(v) => setDraft('summary', v)} error={problems().summary} />

      <fieldset class="choices" aria-describedby={problems().ledgerChange ? 'ledgerChange-error' : undefined}>
        <legend>{m('ledger')}</legend>
        <details>
          <summary style={{ cursor: 'pointer', 'min-height': '2rem' }}>{props.me.name} · {props.me.branch}</summary>
          <LedgerFacts me={props.me} />
        </details>
        <label class="choice">
          <input type="radio" name="ledgerChange" value="unchanged" checked={draft.ledgerChange === 'unchanged'}
            onChange={() => setDraft('ledgerChange', 'unchanged')} />
          <span>{m('ledgerUnchanged')}<br /><span class="muted">{m('ledgerUnchangedHint')}</span></span>
        </label>
        <label class="choice">
          <input type="radio" name="ledgerChange" value="updated" checked={draft.ledgerChange === 'updated'}
            onChange={() => setDraft('ledgerChange', 'updated')} />
          <span>{m('ledgerUpdated')}<br /><span class="muted">{m('ledgerUpdatedHint')}</span></span>
        </label>
        <Show when={problems().ledgerChange}>
          <p id="ledgerChange-error" class="field-error">{problems().ledgerChange}</p>
        </Show>
      </fieldset>
      <Show when={draft.ledgerChange === 'updated'}>
        <Show
          when={editingLedger()}
          fallback={
            <>
              <Show when={ledgerVersion() !== undefined}>
                <p role="status">{m('ledgerEdited')}</p>
              </Show>
              <button type="button" class="secondary" style={bigButton} onClick={() => setEditingLedger(true)}>
                {m('editLedger')}
              </button>
            </>
          }
        >
          <div style={{ 'border-left': '3px solid var(--color-brand)', 'padding-left': '0.75rem' }}>
            <Suspense fallback={<Loading />}>
              <LedgerForm
                me={props.me}
                onCancel={() => setEditingLedger(false)}
                onSaved={(_said, version) => {
                  // No version: nothing was changed, so there is nothing to link yet.
                  if (version !== undefined) setLedgerVersion(version);
                  setEditingLedger(false);
                  props.onLedgerChanged();
                }}
              />
            </Suspense>
          </div>
        </Show>
      </Show>

      <TextField id="study" label={m('study')} multiline optional max={LIMITS.study}
        value={draft.study} onInput={(v) => setDraft('study', v)} error={problems().study} />
      <TextField id="difficulties" label={m('difficulties')} multiline optional max={LIMITS.difficulties}
        value={draft.difficulties} onInput={(v) => setDraft('difficulties', v)} error={problems().difficulties} />
      <label class="choice">
        <input type="checkbox" name="helpWanted" checked={draft.helpWanted} onChange={(e) => setDraft('helpWanted', e.currentTarget.checked)} />
        <span>{m('helpWanted')}</span>
      </label>

      <Show when={send.error() && Object.keys(send.fields()).length === 0}>
        <ErrorNotice message={describeError(send.error())} detail={common('retryHint')} />
      </Show>
      <button type="submit" style={bigButton} disabled={send.pending()} aria-busy={send.pending()}>
        {send.pending() ? m('submitting') : props.current ? m('resubmit') : m('submit')}
      </button>
      <Show when={props.onCancel}>
        {(cancel) => (
          <button type="button" class="secondary" style={bigButton} onClick={() => cancel()()}>
            {common('cancel')}
          </button>
        )}
      </Show>
    </form>
  );
}
