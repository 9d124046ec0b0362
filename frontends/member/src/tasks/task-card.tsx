import { Show, createEffect, createSignal, on } from 'solid-js';
import { fieldErrors, tasks } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { bigButton } from '../touch.ts';
import { m, say } from './messages.ts';
import { StudyMaterial } from './study-material.tsx';
import { TaskFacts, kindLabel } from './task-facts.tsx';
import type { Task } from './task-types.ts';
import { writeStatus } from '../shared/queued-writes.tsx';
import { ShareButton, shareLabel, taskLink, taskShareText } from '@tongxin/ui/share-button';
import { queuedWrites, sendOrQueue } from '../shared/write-queue.ts';

// The server's refusals of a claim (the code of `fields.taskId`) and this card's words for them.
const REFUSALS = { task_full: 'full', task_closed: 'closed', claim_expired: 'expired' } as const;

/** Why the server refused a claim, in words; undefined for any other failure. */
function refusal(error: unknown): string | undefined {
  const code = fieldErrors(error).taskId?.code;
  return code && code in REFUSALS ? m(`claimError.${REFUSALS[code as keyof typeof REFUSALS]}`) : undefined;
}

/**
 * A task offered to the member: who asks, what for, the terms and the evidence asked; a
 * claim in one tap (idempotent: a retried claim is the same claim). A refusal (full, closed,
 * past the deadline) is said in place, in words.
 */
export function TaskCard(props: { task: Task; onClaimed: () => void; onChanged: () => void }) {
  // Sent now, or kept in the phone's queue with this key when there is no answer (issue 18).
  const claim = createAction((_: string, idempotencyKey: string) =>
    sendOrQueue<Awaited<ReturnType<typeof tasks.claims.claim.mutate>>>('task.claim', { taskId: props.task.id }, { label: props.task.title, subject: props.task.id, idempotencyKey }));
  /** This task's claim waiting in the queue, or refused by the server since. */
  const queued = () => queuedWrites().find((write) => write.kind === 'task.claim' && write.subject === props.task.id);
  const [just, setJust] = createSignal(false);
  const headingId = () => `task-${props.task.tenantId}-${props.task.id}`;
  // Right after a claim the list is still being read again: show it claimed at once. A later
  // withdrawal (from "my claims") ends that.
  const claimed = () => {
    const mine = props.task.myClaim;
    if (mine) return mine.status === 'withdrawn' ? null : mine;
    return just() ? { status: 'active' as const } : null;
  };
  createEffect(on(() => props.task.myClaim?.status, (status) => status === 'withdrawn' && setJust(false), { defer: true }));
  // Until the list read again says so, my place counts too (the card said 剩余 30 个 after a claim).
  const placesTaken = () => props.task.claimed + (just() && !props.task.myClaim ? 1 : 0);
  let heading: HTMLHeadingElement | undefined;

  async function run() {
    const done = await claim.run(props.task.id);
    if (done && 'queued' in done.output) return;
    if (done) {
      setJust(true);
      props.onClaimed();
      props.onChanged();
      // The button gives way to the "claimed" badge: keep the focus in this card.
      queueMicrotask(() => heading?.focus());
    } else if (claim.codes().taskId?.code === 'task_full') {
      props.onChanged(); // read the list again: the places show it is full (closed or expired ones would leave the list)
    }
  }

  return (
    <li class="card">
      <article aria-labelledby={headingId()}>
        <p class="muted">
          {kindLabel(props.task.kind)} · {m('publisher', { org: props.task.orgName })}
        </p>
        <h4 id={headingId()} tabindex="-1" ref={heading}>
          {props.task.title}
        </h4>
        <Show when={props.task.description}>
          <p style={{ 'white-space': 'pre-wrap' }}>{props.task.description}</p>
        </Show>
        <TaskFacts kind={props.task.kind} points={props.task.points} deadline={props.task.deadline} target={props.task.target}
          evidence={props.task.evidence} quota={{ quota: props.task.quota, claimed: placesTaken(), full: props.task.full }} city={props.task.city} />
        <Show when={props.task.study}>{(study) => <StudyMaterial study={study()} />}</Show>
        <ShareButton
          id={headingId()}
          label={shareLabel(props.task.title)}
          title={props.task.title}
          text={taskShareText(props.task)}
          url={taskLink(props.task.tenantId, props.task.id)}
        />
        <Show when={queued()}>
          {(write) => (
            <p role={write().state === 'refused' ? 'alert' : undefined}>
              <span class={`badge ${write().state === 'refused' ? 'badge-bad' : 'badge-wait'}`}>{writeStatus(write())}</span>
            </p>
          )}
        </Show>
        <Show
          when={claimed()}
          fallback={
            <>
              <Show when={claim.error()}>
                {(error) => (
                  <Show when={refusal(error())} fallback={<ErrorNotice message={describeError(error())} />}>
                    {(why) => <p class="notice notice-error" role="alert">{why()}</p>}
                  </Show>
                )}
              </Show>
              <Show when={!props.task.full && !refusal(claim.error()) && !queued()}>
                <button type="button" style={bigButton} disabled={claim.pending()} aria-busy={claim.pending()} onClick={run}>
                  {claim.pending() ? m('claiming') : m('claim')}
                </button>
              </Show>
            </>
          }
        >
          {(mine) => (
            <p>
              <span class="badge badge-ok">{m('alreadyClaimed')} · {say(`status.${mine().status}`, mine().status)}</span>
              <Show when={just()}>
                <span role="status"> {m('claimed', { title: props.task.title })}</span>
              </Show>
            </p>
          )}
        </Show>
      </article>
    </li>
  );
}
