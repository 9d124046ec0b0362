import { For, Match, Suspense, Switch, createEffect, createMemo, createRenderEffect, createResource, on } from 'solid-js';
import { identity, roster } from '@tongxin/api-client';
import { Loading, type RemoteAppProps } from '@tongxin/ui';
import { m } from './messages.ts';
import { MemberPage } from './roster/member-page.tsx';
import { RosterPage } from './roster/roster-page.tsx';
import { RouteLink } from './app/route-link.tsx';
import { route, setBasePath } from './app/route.ts';
import { focusHeading } from './app/focus-heading.ts';
import { pageNamed, pagesFor } from './app/pages.ts';
import { seatsOf } from './app/seats.ts';
import { SecretaryStyles } from './app/secretary-styles.tsx';

/** The secretary view: the roster and a member's record, then the pages of `app/pages.ts`. */
export default function SecretaryApp(props: RemoteAppProps) {
  // Before the first render: links rendered below read it.
  createRenderEffect(() => setBasePath(props.basePath));
  let area: HTMLDivElement | undefined;
  const rosterQuery = () => {
    const r = route();
    return r.name === 'roster' ? r.query : undefined;
  };
  const memberId = () => {
    const r = route();
    return r.name === 'member' ? r.memberId : undefined;
  };
  const current = () => {
    const r = route();
    return r.name === 'member' ? 'roster' : r.name;
  };
  // A new page (not a new filter) moves the focus to its heading, as a page load would.
  const pageKey = () => {
    const r = route();
    return r.name === 'member' ? `member:${r.memberId}` : r.name;
  };
  createEffect(on(pageKey, () => area && focusHeading(area), { defer: true }));

  // The nav offers each caller the pages of their seats; the department needs no tree to know.
  // Neither read may fail the view: without them the nav offers the roster only, and the page
  // itself says what went wrong (a lost connection, say) with its own Retry.
  const [me] = createResource(() => identity.auth.me.query());
  const roles = () => (me.error ? undefined : me()?.roles);
  const [held] = createResource(
    () => roles()?.some((grant) => grant.role === 'department') === false && roles(),
    () => roster.orgs.tree.query({ includeClosed: false }),
  );
  const pages = createMemo(() => {
    const granted = roles();
    return granted ? pagesFor(seatsOf(granted, held.error ? [] : (held() ?? []))) : [];
  });
  // The current page's link stays in sight in the phone's one-row nav.
  createEffect(on([current, () => pages().length], () =>
    queueMicrotask(() => area?.querySelector('.sub-nav [aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' }))));

  return (
    <div class="secretary" ref={area}>
      <SecretaryStyles />
      <nav class="sub-nav" aria-label={m('nav.label')}>
        <ul>
          <li>
            <RouteLink to={{ name: 'roster', query: {} }} current={current() === 'roster'}>
              {m('nav.roster')}
            </RouteLink>
          </li>
          <For each={pages()}>
            {(entry) => (
              <li>
                <RouteLink to={{ name: entry.name }} current={current() === entry.name}>
                  {m(entry.label)}
                </RouteLink>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <Switch>
        <Match when={rosterQuery()}>{(query) => <RosterPage query={query()} />}</Match>
        <Match when={memberId()} keyed>
          {(id) => <MemberPage memberId={id} />}
        </Match>
        <Match when={pageNamed(route().name)} keyed>
          {(entry) => (
            <Suspense fallback={<Loading />}>
              <entry.page />
            </Suspense>
          )}
        </Match>
      </Switch>
    </div>
  );
}
