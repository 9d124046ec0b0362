import { Show } from 'solid-js';
import { ErrorNotice, createAction, problemMessage } from '@tongxin/ui';
import { day } from '../parts/when.ts';
import { sendOrQueue } from '../shared/write-queue.ts';
import { bigButton } from '../touch.ts';
import { m, type MobilityMessageKey } from './messages.ts';
import { placeOf, type MobilityRequest } from './types.ts';

const BADGE: Record<MobilityRequest['status'], string> = { pending: 'badge badge-wait', confirmed: 'badge badge-ok', refused: 'badge badge-bad', withdrawn: 'badge badge-off' };

/** One of the member's registrations: what it says, where it stands, the branch's words when refused; a pending one can be withdrawn. */
export function RequestCard(props: { request: MobilityRequest; onWithdrawn: (queued: boolean) => void }) {
  const kind = () => m(`kind.${props.request.kind}` as MobilityMessageKey);
  // Withdrawing sets one state: a repeat changes nothing, so it goes without a key.
  const withdraw = createAction((requestId: string) =>
    sendOrQueue<unknown>('mobility.withdraw', { requestId }, { label: kind(), subject: requestId }));
  const run = async () => {
    const done = await withdraw.run(props.request.id);
    if (done) props.onWithdrawn('queued' in done.output);
  };

  return (
    <li class="card">
      <p>
        <strong>{kind()}</strong> <span class={BADGE[props.request.status]}>{m(`status.${props.request.status}` as MobilityMessageKey)}</span>
      </p>
      <p>
        {props.request.kind === 'outflow'
          ? m('outflowFacts', { date: day(props.request.leftOn ?? ''), place: placeOf(props.request) })
          : m('returnFacts', { date: day(props.request.returnedOn ?? '') })}
      </p>
      <p class="muted">
        {m('filedAt', { date: day(props.request.filedAt) })}
        <Show when={props.request.decidedAt}>{(at) => <> · {m('decidedAt', { date: day(at()) })}</>}</Show>
      </p>
      <Show when={props.request.refusalReason}>{(reason) => <p class="reply">{m('refusal', { reason: reason() })}</p>}</Show>
      <Show when={props.request.status === 'pending'}>
        <button type="button" class="secondary" style={bigButton} disabled={withdraw.pending()} aria-busy={withdraw.pending()}
          aria-label={m('withdrawName', { kind: kind() })} onClick={() => void run()}>
          {withdraw.pending() ? m('withdrawing') : m('withdraw')}
        </button>
        <Show when={withdraw.error()}>
          <ErrorNotice message={problemMessage(withdraw.error())} />
        </Show>
      </Show>
    </li>
  );
}
