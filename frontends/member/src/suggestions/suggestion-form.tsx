import { For, Show, createSignal, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { checkText } from '../parts/field-problem.ts';
import { m as common } from '../parts/messages.ts';
import { TextField } from '../parts/text-field.tsx';
import type { Profile } from '../profile.ts';
import { bigButton } from '../touch.ts';
import { m } from './messages.ts';
import { targetsOf } from './targets.ts';
import { sendOrQueue } from '../shared/write-queue.ts';

const CATEGORIES = ['industry', 'village_affairs', 'public_welfare', 'other'] as const;
type Category = (typeof CATEGORIES)[number];

/** A new suggestion to the home branch or township; a retried send reuses its key. */
export function SuggestionForm(props: { me: Profile; onSent: (queued: boolean) => void; onCancel: () => void }) {
  const targets = () => targetsOf(props.me);
  const [draft, setDraft] = createStore({ toOrgId: untrack(() => targets()[0]?.orgId ?? ''), category: '' as Category | '', title: '', body: '' });
  const [problems, setProblems] = createSignal<Record<string, string>>({});
  const send = createAction((input: { toOrgId: string; category: Category; title: string; body: string }, idempotencyKey: string) =>
    // Sent now, or kept in the phone's queue with this key when there is no answer (issue 18).
    sendOrQueue<Awaited<ReturnType<typeof reporting.suggestions.send.mutate>>>('suggestion.send', input, { label: input.title, subject: input.toOrgId, idempotencyKey }));
  let form: HTMLFormElement | undefined;

  function show(found: Record<string, string>) {
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) form?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.category) found.category = m('chooseCategory');
    const title = checkText(draft.title, { required: true, max: 100 });
    if (title) found.title = title;
    const body = checkText(draft.body, { required: true, max: 2000 });
    if (body) found.body = body;
    if (Object.keys(found).length > 0) return show(found);
    setProblems({});
    const sent = await send.run({ toOrgId: draft.toOrgId, category: draft.category as Category, title: draft.title.trim(), body: draft.body.trim() });
    if (sent) props.onSent('queued' in sent.output);
    else show(send.fields());
  }

  return (
      <form class="form" noValidate ref={form} onSubmit={submit} aria-labelledby="suggestion-form-heading">
        <h3 id="suggestion-form-heading" tabindex="-1">{m('newTitle')}</h3>
        <fieldset class="choices">
          <legend>{m('to')}</legend>
          <For each={targets()}>
            {(target) => (
              <label class="choice">
                <input type="radio" name="toOrgId" checked={draft.toOrgId === target.orgId} onChange={() => setDraft('toOrgId', target.orgId)} />
                <span>{target.label}</span>
              </label>
            )}
          </For>
          <Show when={problems().toOrgId}><p class="field-error">{problems().toOrgId}</p></Show>
        </fieldset>
        <div class="field">
          <label for="category">{m('category')}</label>
          <select id="category" name="category" value={draft.category} aria-invalid={problems().category ? 'true' : undefined}
            aria-describedby={problems().category ? 'category-error' : undefined} onChange={(e) => setDraft('category', e.currentTarget.value as Category)}>
            <option value="">{m('chooseCategory')}</option>
            <For each={CATEGORIES}>{(category) => <option value={category}>{m(`category.${category}`)}</option>}</For>
          </select>
          <Show when={problems().category}><p id="category-error" class="field-error">{problems().category}</p></Show>
        </div>
        <TextField id="title" label={m('titleField')} max={100} value={draft.title} onInput={(v) => setDraft('title', v)} error={problems().title} />
        <TextField id="body" label={m('body')} multiline max={2000} value={draft.body} onInput={(v) => setDraft('body', v)} error={problems().body} />
        <Show when={send.error() && Object.keys(send.fields()).length === 0}>
          <ErrorNotice message={describeError(send.error())} detail={common('retryHint')} />
        </Show>
        <button type="submit" style={bigButton} disabled={send.pending()} aria-busy={send.pending()}>
          {send.pending() ? m('sending') : m('send')}
        </button>
        <button type="button" class="secondary" style={bigButton} onClick={() => props.onCancel()}>
          {common('cancel')}
        </button>
      </form>
  );
}
