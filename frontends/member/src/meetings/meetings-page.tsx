import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { SectionStyles } from '../parts/section-styles.tsx';
import { MeetingCard } from './meeting-card.tsx';
import { m } from './messages.ts';
import { AsOf, readKept } from '../shared/kept-read.tsx';
import { createLinkedFocus } from '../shared/linked-item.ts';
import { param } from '../route.ts';

/** 组织生活: meetings of the member's branch and above, upcoming first, then recent ones. */
export default function MeetingsPage() {
  const [meetings, { refetch }] = createResource(() => readKept('meetings.forMe', () => reporting.meetings.forMe.query()));
  const [said, setSaid] = createSignal('');
  // A shared link's meeting (`?meeting=<id>`, issue 18): the member lands on its card.
  createLinkedFocus(() => !meetings.loading && meetings.latest && param('meeting') && `meeting-${param('meeting')}`);
  const changed = (message: string) => {
    setSaid(message);
    refetch();
  };

  return (
    <section aria-labelledby="meetings-heading">
      <SectionStyles />
      <h2 id="meetings-heading">{m('title')}</h2>
      <AsOf name="meetings.forMe" />
      <p role="status">{said()}</p>
      <Switch>
        <Match when={meetings.error}>
          <ErrorNotice message={describeError(meetings.error)} onRetry={refetch} />
        </Match>
        <Match when={meetings.latest}>
          {(lists) => (
            <>
              <h3>{m('upcoming')}</h3>
              <Show when={lists().upcoming.length > 0} fallback={<p>{m('none')}</p>}>
                <ul class="cards">
                  <For each={lists().upcoming}>{(meeting) => <MeetingCard meeting={meeting} onChanged={changed} />}</For>
                </ul>
              </Show>
              <Show when={lists().recent.length > 0}>
                <h3>{m('recent')}</h3>
                <ul class="cards">
                  <For each={lists().recent}>{(meeting) => <MeetingCard meeting={meeting} onChanged={changed} />}</For>
                </ul>
              </Show>
            </>
          )}
        </Match>
        <Match when={meetings.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
