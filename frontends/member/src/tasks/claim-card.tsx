import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { format } from '@tongxin/i18n';
import { tasks } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { m as common } from '../parts/messages.ts';
import { when } from '../parts/when.ts';
import { bigButton } from '../touch.ts';
import { CompletionForm } from './completion-form.tsx';
import { taskWord } from '@tongxin/i18n/task-words';
import { m, say } from './messages.ts';
import { StudyMaterial } from './study-material.tsx';
import { TaskFacts, kindLabel } from './task-facts.tsx';
import type { Claim, Study } from './task-types.ts';
import { m as offline } from '../shared/offline-messages.ts';
import { writeStatus } from '../shared/queued-writes.tsx';
import { queuedWrites, sendOrQueue } from '../shared/write-queue.ts';

const tone: Record<string, string> = {
  active: 'badge-wait', submitted: 'badge-wait', approved: 'badge-ok', rejected: 'badge-bad', withdrawn: 'badge-off',
};

/**
 * One of the member's claims, with the terms promised when it was claimed (a later edit of
 * the task is only noted), where it stands, and what the member can do now: report it done
 * (a study task: "I have studied it"), answer a rejection and send again, or withdraw before
 * the deadline.
 */
export function ClaimCard(props: { claim: Claim; study: Study | null | undefined; closed?: boolean; onChanged: (said: string) => void }) {
  const [completing, setCompleting] = createSignal(false);
  const [confirmingWithdraw, setConfirmingWithdraw] = createSignal(false);
  // Withdrawing sets one status: a repeat changes nothing, so no key is needed.
  // Offline it waits in the phone's queue (issue 18).
  const withdraw = createAction((claimId: string) =>
    sendOrQueue<Awaited<ReturnType<typeof tasks.claims.withdraw.mutate>>>('claim.withdraw', { claimId }, { label: props.claim.title, subject: claimId }));
  /** This claim's completion waiting in the queue (offline, with its photos), or refused since (issue 18). */
  const queuedCompletion = () => queuedWrites().find((write) => write.kind === 'task.complete' && write.subject === props.claim.claimId);
  /** This claim's withdrawal waiting in the queue, or refused since. */
  const queuedWithdraw = () => queuedWrites().find((write) => write.kind === 'claim.withdraw' && write.subject === props.claim.claimId);
  const headingId = () => `claim-${props.claim.claimId}`;
  const isStudy = () => props.claim.kind === 'study';
  const open = () => props.claim.status === 'active' || props.claim.status === 'rejected';
  const beforeDeadline = () => new Date(props.claim.deadline) > new Date();
  // A study claim whose task is not among the offered ones (filtered out, closed, past its
  // deadline) is read on its own for its material.
  const [material] = createResource(
    () => isStudy() && props.study === null && props.claim.taskId,
    (taskId) => tasks.tasks.get.query({ taskId }).then((task) => task.study ?? undefined, () => undefined),
  );
  const study = () => props.study ?? material();
  let heading: HTMLHeadingElement | undefined;

  const focusCard = () => queueMicrotask(() => heading?.focus());

  async function confirmWithdraw() {
    const done = await withdraw.run(props.claim.claimId);
    if (done) {
      setConfirmingWithdraw(false);
      props.onChanged('queued' in done.output ? offline('queued') : m('withdrawn', { title: props.claim.title }));
      focusCard();
    }
  }

  return (
    <li class="card">
      <article aria-labelledby={headingId()}>
        <p class="muted">
          {kindLabel(props.claim.kind)} · {m('publisher', { org: props.claim.orgName })}
        </p>
        <h4 id={headingId()} tabindex="-1" ref={heading}>
          {props.claim.title}
        </h4>
        <p>
          <span class={`badge ${tone[props.claim.status] ?? 'badge-off'}`}>{say(`status.${props.claim.status}`, props.claim.status)}</span>
          {/* Closed by the publisher since the claim: nobody new can claim it; the claim itself stands. */}
          <Show when={props.closed && props.claim.status !== 'withdrawn'}>
            {' '}<span class="badge badge-off">{m('taskClosed')}</span>
          </Show>
        </p>
        <Show when={queuedWithdraw()}>
          {(write) => (
            <p role={write().state === 'refused' ? 'alert' : undefined}>
              <span class={`badge ${write().state === 'refused' ? 'badge-bad' : 'badge-wait'}`}>{offline('label.withdraw', { title: props.claim.title })} · {writeStatus(write())}</span>
            </p>
          )}
        </Show>
        {/* Plain text that wraps (a badge does not): a refusal's reason can be a sentence. */}
        <Show when={queuedCompletion()}>
          {(write) => (
            <p role={write().state === 'refused' ? 'alert' : undefined} class={write().state === 'refused' ? 'field-error' : undefined}>
              {offline('label.complete', { title: props.claim.title })}{' '}
              <Show when={write().state === 'waiting'} fallback={writeStatus(write())}>
                <span class="badge badge-wait">{writeStatus(write())}</span>
              </Show>
            </p>
          )}
        </Show>
        <Show when={props.claim.taskChanged && props.claim.status !== 'withdrawn'}>
          <p class="reply">{m('taskChanged')}</p>
        </Show>
        <TaskFacts kind={props.claim.kind} points={props.claim.points} pointsLabel={m('promised')} deadline={props.claim.deadline}
          target={props.claim.target} evidence={props.claim.evidence} />
        <Show when={isStudy() && props.claim.status !== 'withdrawn' && study()}>
          {(material) => <StudyMaterial study={material()} open={open()} />}
        </Show>

        <Switch>
          <Match when={props.claim.status === 'submitted' && props.claim.completion}>
            {(completion) => <p>{m('submittedAt', { date: when(completion().submittedAt) })}</p>}
          </Match>
          <Match when={props.claim.status === 'approved'}>
            <p>{isStudy() ? m('studiedNote') : m('approvedNote')}</p>
          </Match>
          <Match when={props.claim.status === 'rejected' && props.claim.completion}>
            {(completion) => (
              <>
                <Show when={completion().reason}>
                  {(reason) => <p class="reply reason">{m('rejectedReason', { reason: reason() })}</p>}
                </Show>
                <Show when={completion().response}>
                  {(response) => <p class="muted">{m('yourResponse', { response: response() })}</p>}
                </Show>
              </>
            )}
          </Match>
        </Switch>
        <Show when={!isStudy() && props.claim.completion}>
          {(completion) => <SentSummary completion={completion()} unit={props.claim.target?.unit} />}
        </Show>

        {/* While a completion waits to be sent, it is not reported a second time; a refused one can be. */}
        <Show when={open() && queuedCompletion()?.state !== 'waiting'}>
          <Show
            when={completing()}
            fallback={
              <div class="buttons">
                <Show
                  when={isStudy() && props.claim.status === 'active'}
                  fallback={
                    <button type="button" style={bigButton} onClick={() => setCompleting(true)}>
                      {props.claim.status === 'rejected' ? m('resubmit') : m('complete')}
                    </button>
                  }
                >
                  <StudiedButton claim={props.claim} onSent={(said) => { props.onChanged(said); focusCard(); }} />
                </Show>
                <Show when={props.claim.status === 'active' && beforeDeadline() && !queuedWithdraw()}>
                  <Show
                    when={confirmingWithdraw()}
                    fallback={
                      <button type="button" class="secondary" style={bigButton} onClick={() => setConfirmingWithdraw(true)}>
                        {m('withdraw')}
                      </button>
                    }
                  >
                    <div class="confirm" role="group" aria-labelledby={`${headingId()}-withdraw`}>
                      <p id={`${headingId()}-withdraw`}>{m('withdrawConfirm')}</p>
                      <Show when={withdraw.error()}>{(error) => <ErrorNotice message={describeError(error())} />}</Show>
                      <button type="button" style={bigButton} disabled={withdraw.pending()} aria-busy={withdraw.pending()} onClick={confirmWithdraw}
                        ref={(button) => queueMicrotask(() => button.focus())}>
                        {withdraw.pending() ? m('withdrawing') : m('withdrawYes')}
                      </button>
                      <button type="button" class="secondary" style={bigButton} onClick={() => setConfirmingWithdraw(false)}>
                        {m('withdrawNo')}
                      </button>
                    </div>
                  </Show>
                </Show>
              </div>
            }
          >
            <CompletionForm
              claim={props.claim}
              onCancel={() => { setCompleting(false); focusCard(); }}
              onSent={(queued) => {
                setCompleting(false);
                props.onChanged(queued ? offline('queued') : m('sent', { title: props.claim.title }));
                focusCard();
              }}
            />
          </Show>
        </Show>
      </article>
    </li>
  );
}

/** What the member sent last (number, note, photos), folded away: it is theirs to check, not to reread. */
function SentSummary(props: { completion: NonNullable<Claim['completion']>; unit: string | undefined }) {
  return (
    <details>
      <summary>{m('whatISent')}</summary>
      <dl class="facts task-facts">
        <Show when={props.completion.amount !== null}>
          <dt>{m('amount')}</dt>
          <dd>{format(props.completion.amount!)}{props.unit ? ` ${taskWord('unit', props.unit)}` : ''}</dd>
        </Show>
        <Show when={props.completion.note}>
          <dt>{m('note')}</dt>
          <dd style={{ 'white-space': 'pre-wrap' }}>{props.completion.note}</dd>
        </Show>
      </dl>
      <Show when={props.completion.photos.length > 0}>
        <ul class="photos sent-photos">
          <For each={props.completion.photos}>
            {(url, at) => (
              <li>
                <a href={url} target="_blank" rel="noopener">
                  <img class="thumb" src={url} alt={m('photoName', { n: at() + 1 })} loading="lazy" />
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </details>
  );
}

/** A study task is done when the member says they studied it: one tap, idempotent, approved as it is sent. */
function StudiedButton(props: { claim: Claim; onSent: (said: string) => void }) {
  const send = createAction((_: string, idempotencyKey: string) =>
    tasks.completions.submit.mutate({
      claimId: props.claim.claimId, note: null, amount: null, photoIds: [], response: null, idempotencyKey,
    }));
  return (
    <>
      <p class="muted" style={{ margin: 0 }}>{m('studiedHint')}</p>
      <Show when={send.error()}>{(error) => <ErrorNotice message={describeError(error())} detail={common('retryHint')} />}</Show>
      <button type="button" style={bigButton} disabled={send.pending()} aria-busy={send.pending()}
        onClick={async () => {
          const sent = await send.run(props.claim.claimId);
          if (sent) props.onSent(sent.output.status === 'approved' ? m('studiedDone', { title: props.claim.title }) : m('sent', { title: props.claim.title }));
        }}>
        {send.pending() ? m('sending') : m('studied')}
      </button>
    </>
  );
}
