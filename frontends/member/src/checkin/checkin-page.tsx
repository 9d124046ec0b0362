import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { SectionStyles } from '../parts/section-styles.tsx';
import { CheckinFacts, CurrentCheckin } from './current-checkin.tsx';
import { m } from './messages.ts';
import { RequestForm } from './request-form.tsx';
import { isOpen } from './types.ts';
import { m as offline } from '../shared/offline-messages.ts';

/** 报到: the open check-in (or a new one, from a link or a search) and the earlier ones. */
export default function CheckinPage() {
  const [checkins, { refetch }] = createResource(() => reporting.checkins.mine.query());
  const [said, setSaid] = createSignal('');
  const open = () => checkins.latest?.find(isOpen);
  const past = () => checkins.latest?.filter((checkin) => !isOpen(checkin)) ?? [];
  const changed = (message: string) => {
    setSaid(message);
    refetch();
  };

  return (
    <section aria-labelledby="checkin-heading">
      <SectionStyles />
      <h2 id="checkin-heading">{m('title')}</h2>
      <p class="muted">{m('intro')}</p>
      <p role="status">{said()}</p>
      <Switch>
        <Match when={checkins.error}>
          <ErrorNotice message={describeError(checkins.error)} onRetry={refetch} />
        </Match>
        <Match when={checkins.latest}>
          <Show when={open()} keyed fallback={<RequestForm onSent={(queued) => changed(queued ? offline('queued') : m('sent'))} onSentOutside={() => changed(m('outside.sent'))} />}>
            {(checkin) => <CurrentCheckin checkin={checkin} onChanged={changed} />}
          </Show>
          <Show when={past().length > 0}>
            <h3>{m('history')}</h3>
            <ul class="cards">
              <For each={past()}>
                {(checkin) => (
                  <li class="card">
                    <CheckinFacts checkin={checkin} />
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Match>
        <Match when={checkins.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
