import { Match, Show, Suspense, Switch, createEffect, createResource, on, createRenderEffect, onCleanup, onMount, untrack } from 'solid-js';
import { errorKind, reporting, roster } from '@tongxin/api-client';
import { t } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError, type RemoteAppProps } from '@tongxin/ui';
import { LedgerPanel } from './ledger-panel.tsx';
import { ProfileFacts } from './profile-facts.tsx';
import { m } from './messages.ts';
import { page, setBasePath, type Page } from './route.ts';
import { SectionNav } from './section-nav.tsx';
import Sections from './sections.tsx';
import { registerServiceWorker } from './service-worker.ts';
import { AsOf, lastKept, readKept } from './shared/kept-read.tsx';
import { QueuedWrites } from './shared/queued-writes.tsx';
import { startQueue } from './shared/write-queue.ts';

/** Moves the focus to the new section's heading once it is on screen (lazy sections render later). */
function focusHeading(area: HTMLElement, triesLeft = 60) {
  const heading = area.querySelector<HTMLElement>('h2');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  } else if (triesLeft > 0) requestAnimationFrame(() => focusHeading(area, triesLeft - 1));
}

/**
 * The member view: the profile and ledger first, then check-in, report, meetings, suggestions,
 * inbox. The h1 names the section on screen: 我的信息 is the ledger's.
 */
export default function MemberApp(props: RemoteAppProps) {
  // Before the first render: links rendered below read it.
  createRenderEffect(() => setBasePath(props.basePath));
  // Offline, the profile kept from the last visit, marked with when it was fetched (issue 18).
  const [profile, { refetch, mutate }] = createResource(() => readKept('profile', () => roster.members.me.query()));
  // Until the server answers, the profile as the phone kept it (replaced as soon as it does).
  onMount(() => {
    void lastKept<Awaited<ReturnType<typeof roster.members.me.query>>>('profile').then((kept) => {
      if (kept && untrack(() => profile.loading && !profile.latest)) mutate(kept);
    });
  });
  // Asked only once the profile is on screen, so it never delays the first paint; a failure
  // just leaves the count off.
  const [unread, { refetch: refetchUnread }] = createResource(
    () => profile.latest?.id,
    () => reporting.notifications.unreadCount.query().catch(() => undefined),
  );
  const unreadCount = () => unread.latest?.count;
  let area: HTMLDivElement | undefined;
  createEffect(on(page, () => area && focusHeading(area), { defer: true }));
  onMount(() => {
    registerServiceWorker();
    // Writes queued before (offline, a closed tab, a session that ended) go now if they can.
    startQueue();
  });
  // Back online: the profile shown from the phone is read again (its "as of" goes).
  const backOnline = () => refetch();
  window.addEventListener('online', backOnline);
  onCleanup(() => window.removeEventListener('online', backOnline));

  return (
    <section class="member-view">
      <h1>{page() === 'ledger' ? t('member.title') : m(`heading.${page() as Exclude<Page, 'ledger'>}`)}</h1>
      <Switch>
        {/* `latest`: a refetch after a save keeps the page in place instead of blanking it. */}
        <Match when={profile.latest}>
          {(me) => (
            <div ref={area}>
              <SectionNav unread={unreadCount()} />
              <AsOf name="profile" />
              <QueuedWrites />
              <Suspense fallback={<Loading />}>
                <Show
                  when={page() !== 'ledger'}
                  fallback={
                    <>
                      <ProfileFacts me={me()} />
                      <LedgerPanel me={me()} onChanged={refetch} />
                    </>
                  }
                >
                  <Sections me={me()} onLedgerChanged={refetch} onReadChanged={refetchUnread} />
                </Show>
              </Suspense>
            </div>
          )}
        </Match>
        <Match when={profile.error}>
          <Show when={errorKind(profile.error) === 'NOT_FOUND'} fallback={<ErrorNotice message={describeError(profile.error)} onRetry={refetch} />}>
            <p>{t('member.notLinked')}</p>
          </Show>
        </Match>
        <Match when={profile.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
