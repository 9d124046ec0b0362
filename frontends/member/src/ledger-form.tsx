import { For, Show, createSignal, onMount, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { errorKind, roster } from '@tongxin/api-client';
import { LEDGER_FIELDS, ZLedgerPatch, type LedgerField } from '@tongxin/ledger';
import { ErrorNotice, createAttemptKeys, describeError, fieldMessages } from '@tongxin/ui';
import { issueProblem } from '@tongxin/errors';
import { errorText, isKnownErrorCode } from '@tongxin/i18n';
import { LedgerInput } from './ledger-input.tsx';
import { draftOf, patchOf } from './ledger-patch.ts';
import { m } from './edit-messages.ts';
import type { Profile } from './profile.ts';
import { bigButton } from './touch.ts';

type Problems = Partial<Record<LedgerField, string>>;

/** Problems the zod rules find before sending, keyed by field. */
function checkLocally(patch: object): Problems {
  const result = ZLedgerPatch.safeParse(patch);
  if (result.success) return {};
  const problems: Problems = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as LedgerField;
    const problem = issueProblem(issue, isKnownErrorCode);
    problems[field] ??= errorText(problem.code, problem.params);
  }
  return problems;
}

/** Problems the server named (`ledger.employer` → employer). */
function serverProblems(error: unknown): Problems {
  const problems: Problems = {};
  for (const [path, message] of Object.entries(fieldMessages(error))) {
    const field = path.replace(/^ledger\./, '') as LedgerField;
    if ((LEDGER_FIELDS as readonly string[]).includes(field)) problems[field] = message;
  }
  return problems;
}

/** Editing the ledger: only changed fields are sent; a retried save reuses its key. */
export default function LedgerForm(props: { me: Profile; onSaved: (said: string, version?: number) => void; onCancel: () => void }) {
  const [draft, setDraft] = createStore(untrack(() => draftOf(props.me.ledger)));
  const [problems, setProblems] = createSignal<Problems>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [saving, setSaving] = createSignal(false);
  const keys = createAttemptKeys();
  const inputs: Partial<Record<LedgerField, HTMLInputElement>> = {};
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  const problemCount = () => Object.keys(problems()).length;

  function showProblems(found: Problems) {
    setProblems(found);
    const first = LEDGER_FIELDS.find((field) => found[field]);
    if (first) inputs[first]?.focus();
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    setFailure(null);
    const patch = patchOf(props.me.ledger, draft);
    const count = Object.keys(patch).length;
    if (count === 0) return props.onSaved(m('nothingChanged'));
    const local = checkLocally(patch);
    if (Object.keys(local).length > 0) return showProblems(local);
    setProblems({});
    setSaving(true);
    try {
      const { version } = await roster.ledger.updateMine.mutate({ ledger: patch, idempotencyKey: keys.keyFor(patch) });
      keys.done();
      // The version lets a monthly report link to this change (report/report-form.tsx).
      props.onSaved(m('saved', { count }), version);
    } catch (error) {
      const named = serverProblems(error);
      if (errorKind(error) === 'BAD_REQUEST' && Object.keys(named).length > 0) showProblems(named);
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="ledger-edit-heading">
      <h2 id="ledger-edit-heading" tabindex="-1" ref={heading}>
        {m('editTitle')}
      </h2>
      <p>{m('editHint')}</p>
      <form class="form" noValidate onSubmit={save}>
        <Show when={problemCount() > 0}>
          <div class="notice notice-error" role="alert">
            <p>{m('fixFields', { count: problemCount() })}</p>
          </div>
        </Show>
        <For each={LEDGER_FIELDS}>
          {(field) => (
            <LedgerInput
              field={field}
              value={draft[field]}
              error={problems()[field]}
              ref={(element) => (inputs[field] = element)}
              onInput={(value) => setDraft(field, value)}
            />
          )}
        </For>
        <Show when={failure()}>
          <ErrorNotice message={describeError(failure())} detail={m('retryHint')} />
        </Show>
        <button type="submit" style={bigButton} disabled={saving()} aria-busy={saving()}>
          <Show when={saving()} fallback={m('save')}>
            {m('saving')}
          </Show>
        </button>
        <button type="button" class="secondary" style={bigButton} onClick={() => props.onCancel()}>
          {m('cancel')}
        </button>
      </form>
    </section>
  );
}
