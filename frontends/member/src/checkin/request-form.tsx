import { Show, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, Loading, createAction, describeError } from '@tongxin/ui';
import { checkText } from '../parts/field-problem.ts';
import { m as common } from '../parts/messages.ts';
import { TextField } from '../parts/text-field.tsx';
import { param } from '../route.ts';
import { bigButton } from '../touch.ts';
import { DirectorySearch, kindLabel, placeOf } from './directory-search.tsx';
import { findLinkedOrg } from './link-destination.ts';
import { m } from './messages.ts';
import { SharedFields } from './shared-fields.tsx';
import { OutsideForm } from './outside-form.tsx';
import type { DirectoryEntry } from './types.ts';
import { sendOrQueue } from '../shared/write-queue.ts';

/** A new check-in: the destination (from a link or a search) and a short note. */
export function RequestForm(props: { onSent: (queued: boolean) => void; onSentOutside: () => void }) {
  const link = { tenant: param('tenant'), org: param('org'), city: param('city'), name: param('name') };
  const [linked] = createResource(
    () => (link.tenant && link.org ? { ...link, tenant: link.tenant, org: link.org } : false),
    (given) => findLinkedOrg(given).catch(() => null),
  );
  const [picked, setPicked] = createSignal<DirectoryEntry | null>(null);
  const [searching, setSearching] = createSignal(false);
  const [outside, setOutside] = createSignal(false);
  const chosen = () => (searching() ? null : (picked() ?? linked() ?? null));
  const [note, setNote] = createSignal('');
  const [extraFields, setExtraFields] = createSignal<NonNullable<Parameters<typeof reporting.checkins.request.mutate>[0]['extraFields']>>([]);
  const [problems, setProblems] = createSignal<Record<string, string>>({});
  // Sent now, or kept in the phone's queue with this key when the connection drops (issue 18).
  const send = createAction((input: Omit<Parameters<typeof reporting.checkins.request.mutate>[0], 'idempotencyKey'>, idempotencyKey: string) =>
    sendOrQueue<Awaited<ReturnType<typeof reporting.checkins.request.mutate>>>('checkin.request', input, { label: chosen()?.name ?? '', subject: input.destOrgId, idempotencyKey }));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const to = chosen();
    if (!to) return;
    const noteProblem = checkText(note(), { max: 500 });
    if (noteProblem) return setProblems({ note: noteProblem });
    setProblems({});
    const sent = await send.run({
      destTenantId: to.tenantId,
      destOrgId: to.orgId,
      note: note().trim() || undefined,
      extraFields: extraFields(),
    });
    if (sent) props.onSent('queued' in sent.output);
    else setProblems(send.fields());
  }

  return (
    <Show
      when={chosen()}
      fallback={
        <>
          <Show when={linked.loading}>
            <p role="status">{m('resolvingLink')}</p>
          </Show>
          <Show when={link.org && !linked.loading && !linked() && !picked()}>
            <div class="notice notice-error" role="alert"><p>{m('linkNotFound')}</p></div>
          </Show>
          <Show when={!linked.loading} fallback={<Loading />}>
            <Show
              when={outside()}
              fallback={
                <>
                  <DirectorySearch city={link.city ?? undefined} onChoose={(entry) => { setPicked(entry); setSearching(false); }} />
                  <button type="button" class="secondary" style={{ ...bigButton, 'margin-top': '0.75rem' }} onClick={() => setOutside(true)}>
                    {m('outside.open')}
                  </button>
                </>
              }
            >
              <OutsideForm onSent={() => props.onSentOutside()} onCancel={() => setOutside(false)} />
            </Show>
          </Show>
        </>
      }
    >
      {(to) => (
        <form class="form" noValidate onSubmit={submit} aria-labelledby="request-heading">
          <h3 id="request-heading">{m('destination')}</h3>
          <div class="card">
            <p style={{ 'font-weight': 600 }}>{to().name}</p>
            <p class="muted">{kindLabel(to().kind)} · {placeOf(to())}</p>
            <Show when={!picked() && linked()}>
              <p class="muted">{m('fromLink')}</p>
            </Show>
            <Show when={problems().destOrgId || problems().destTenantId}>
              {(problem) => <p class="field-error">{problem()}</p>}
            </Show>
            <button type="button" class="secondary" style={{ ...bigButton, 'margin-top': '0.5rem' }} onClick={() => { setPicked(null); setSearching(true); }}>
              {m('change')}
            </button>
          </div>
          <SharedFields chosen={extraFields()} onChange={setExtraFields} />
          <TextField id="note" label={m('note')} hint={m('noteHint')} multiline optional max={500} value={note()} onInput={setNote} error={problems().note} />
          <Show when={send.error() && !problems().note}>
            <ErrorNotice message={describeError(send.error())} detail={common('retryHint')} />
          </Show>
          <button type="submit" style={bigButton} disabled={send.pending()} aria-busy={send.pending()}>
            {send.pending() ? m('sending') : m('send')}
          </button>
        </form>
      )}
    </Show>
  );
}
