import { For, Match, Show, Switch, createResource, createSignal, onCleanup } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { SectionStyles } from '../parts/section-styles.tsx';
import { day } from '../parts/when.ts';
import { AsOf, readKept } from '../shared/kept-read.tsx';
import { onWriteSettled, queuedWrites } from '../shared/write-queue.ts';
import { bigButton } from '../touch.ts';
import { m } from './messages.ts';
import { OutflowForm } from './outflow-form.tsx';
import { RequestCard } from './request-card.tsx';
import { ReturnForm } from './return-form.tsx';
import { placeOf, type MyMobility } from './types.ts';

const KINDS = ['mobility.outflow', 'mobility.return', 'mobility.withdraw'];

/** Registered away or at home, in words. */
function Standing(props: { mine: MyMobility }) {
  return (
    <p class="card" data-testid="mobility-standing">
      <Show when={props.mine.away} fallback={m('atHome')}>
        <Show when={props.mine.awaySince} fallback={m('awayNoDate', { place: placeOf(props.mine) })}>
          {(since) => m('away', { date: day(since()), place: placeOf(props.mine) })}
        </Show>
      </Show>
    </p>
  );
}

/**
 * 外出和返乡登记 (issue 17): where the member stands, the form that fits (外出登记 at home,
 * 返乡登记 away) unless one already waits for the branch (sent, or queued on the phone), and
 * their registrations with the branch's answer. Offline, what was fetched last time.
 */
export default function MobilityPage() {
  const [mine, { refetch }] = createResource(() => readKept('mobility', () => roster.mobility.mine.query()));
  const [said, setSaid] = createSignal('');
  const [filing, setFiling] = createSignal(false);
  // A queued write sent or refused: the page reads the server again.
  onCleanup(onWriteSettled((write) => KINDS.includes(write.kind) && refetch()));
  const waits = (kind: 'outflow' | 'return') =>
    mine.latest?.requests.some((r) => r.kind === kind && r.status === 'pending') ||
    queuedWrites().some((w) => w.kind === `mobility.${kind}` && w.state === 'waiting');
  const next = (): 'outflow' | 'return' | null => {
    const kind = mine.latest?.away ? 'return' : 'outflow';
    return waits(kind) ? null : kind;
  };
  const done = (message: string) => {
    setFiling(false);
    setSaid(message);
    refetch();
  };

  return (
    <section aria-labelledby="mobility-heading">
      <SectionStyles />
      <h2 id="mobility-heading">{m('title')}</h2>
      <p class="muted">{m('intro')}</p>
      <AsOf name="mobility" />
      <p role="status">{said()}</p>
      <Switch>
        <Match when={mine.error}>
          <ErrorNotice message={describeError(mine.error)} onRetry={refetch} />
        </Match>
        <Match when={mine.latest}>
          {(current) => (
            <>
              <Standing mine={current()} />
              <Show when={next()}>
                {(kind) => (
                  <Show
                    when={filing()}
                    fallback={
                      <button type="button" style={bigButton} onClick={() => { setSaid(''); setFiling(true); }}>
                        {kind() === 'outflow' ? m('fileOutflow') : m('fileReturn')}
                      </button>
                    }
                  >
                    <Show when={kind() === 'outflow'} fallback={
                      <ReturnForm prefill={current().prefill} onSent={(queued) => done(queued ? m('queuedHere') : m('sent'))} onCancel={() => setFiling(false)} />
                    }>
                      <OutflowForm prefill={current().prefill} onSent={(queued) => done(queued ? m('queuedHere') : m('sent'))} onCancel={() => setFiling(false)} />
                    </Show>
                  </Show>
                )}
              </Show>
              <Show when={current().requests.length > 0}>
                <h3>{m('requestsTitle')}</h3>
                <ul class="cards">
                  <For each={current().requests}>
                    {(request) => <RequestCard request={request} onWithdrawn={(queued) => done(queued ? m('queuedHere') : m('withdrawn'))} />}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Match>
        <Match when={mine.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
