import { Match, Show, Switch, createEffect, createResource, on, type Component } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { errorKind, identity } from '@tongxin/api-client';
import { t } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { LoginPage } from './login-page.tsx';
import { navigate, pathname } from './navigation.tsx';
import { preloadRemote } from './load-remote.ts';
import { RemoteView } from './remote-view.tsx';
import { actForKeptSession, arrivalNotice, goToLogin, keptSession, session, setArrivalNotice, setSession } from './session.ts';
import { TopBar } from './top-bar.tsx';
import { allowedViews, homeView, views } from './views.ts';

/**
 * Asks the server on every entry to a protected route whether the session still lives
 * (so Back after logout shows the login page, not a cached view). UNAUTHORIZED after the
 * client's refresh sends the user to log in; a lost connection surfaces as an error.
 */
async function checkSession(path: string) {
  // A protected route shows a remote next: fetch what it needs meanwhile.
  const wanted = views.find((view) => view.path === path);
  if (wanted) preloadRemote(wanted.name);
  // A session this browser kept from the last visit: its view starts now, beside the question
  // to the server, whose answer decides (issue 18: a repeat visit on a slow network waited a
  // round trip for auth.me before the view could ask for anything).
  const kept = session() ? null : keptSession();
  if (kept) actForKeptSession(kept);
  try {
    setSession(await identity.auth.me.query());
    return true;
  } catch (error) {
    // Offline, the member's view opens from what the phone kept; the view says so.
    const offline = errorKind(error) === 'network' ? (kept ?? keptSession()) : null;
    if (offline) {
      actForKeptSession(offline);
      return true;
    }
    if (errorKind(error) !== 'UNAUTHORIZED') throw error;
    setSession(null);
    goToLogin();
    return false;
  }
}

/**
 * Pages anyone may open without a session (from a link, a QR code or the login page). Each
 * is a chunk of its own, fetched when opened: the login page's first load does not carry them.
 */
const publicPages: Record<string, () => Promise<{ default: Component }>> = {
  '/activate': () => import('./public/activate-page.tsx'),
  '/reset': () => import('./public/reset-page.tsx'),
  '/invite': () => import('./public/invite-page.tsx'),
  '/setup': () => import('./public/setup-page.tsx'),
  // A destination outside Tongxin answers a member's check-in (issue 17).
  '/checkin-answer': () => import('./public/checkin-answer-page.tsx'),
};

export function App() {
  let main: HTMLElement | undefined;
  const onLoginPage = () => pathname() === '/login';
  const publicPage = () => publicPages[pathname()];
  const needsSession = () => !onLoginPage() && !publicPage();
  const [check, { refetch }] = createResource(() => needsSession() && pathname(), checkSession);

  createEffect(() => (document.title = t('app.name')));
  // Route changes move focus to the new content, as a page load would for screen readers.
  createEffect(on(pathname, () => main?.focus({ preventScroll: true }), { defer: true }));
  // The arrival notice (activated, password reset) is for the page it arrived on only.
  createEffect(on(pathname, (_now, before) => views.some((view) => view.path === before) && setArrivalNotice(null), { defer: true }));
  // A page restored from the back/forward cache (after logout elsewhere) checks again.
  window.addEventListener('pageshow', (event) => event.persisted && needsSession() && refetch());

  return (
    <>
      <TopBar />
      <main id="main" tabindex="-1" ref={main}>
        <Switch>
          <Match when={onLoginPage()}>
            <LoginPage />
          </Match>
          <Match when={publicPage()} keyed>
            {(load) => <PublicPage load={load} />}
          </Match>
          <Match when={session()}>
            {/* With a known session, a lost connection is reported by the view that needed
                data (once, with its own Retry); the shell speaks only of other failures. */}
            <Show when={check.error && errorKind(check.error) !== 'network'}>
              <ErrorNotice message={describeError(check.error)} onRetry={refetch} />
            </Show>
            <Show when={arrivalNotice()}>{(text) => <p role="status" class="notice notice-success">{text()}</p>}</Show>
            <Routes />
          </Match>
          <Match when={check.error}>
            <h1>{t('app.name')}</h1>
            <ErrorNotice message={describeError(check.error)} onRetry={refetch} />
          </Match>
          <Match when={true}>
            <Loading />
          </Match>
        </Switch>
      </main>
    </>
  );
}

/** A public page's chunk; a failed fetch (slow or lost connection) offers a retry. */
function PublicPage(props: { load: () => Promise<{ default: Component }> }) {
  const [page, { refetch }] = createResource(
    () => props.load,
    (load) => load().then((module) => module.default),
  );
  return (
    <Switch>
      <Match when={page.error}>
        <h1>{t('app.name')}</h1>
        <ErrorNotice message={describeError(page.error)} onRetry={refetch} />
      </Match>
      <Match when={page()}>{(component) => <Dynamic component={component()} />}</Match>
      <Match when={true}>
        <Loading />
      </Match>
    </Switch>
  );
}

/** The routes of a logged-in user: their views, and "/" leading to their home view. */
function Routes() {
  const allowed = () => allowedViews(session()!);
  const view = () => views.find((candidate) => candidate.path === pathname());

  // "/" and views this user may not open lead to their home view.
  createEffect(() => {
    const home = homeView(session()!);
    const wanted = view();
    if (home && (pathname() === '/' || (wanted && !allowed().includes(wanted)))) navigate(home.path, { replace: true });
  });

  return (
    <Switch fallback={<h1>{t('app.notFound')}</h1>}>
      <Match when={allowed().length === 0 && (pathname() === '/' || view())}>
        <h1>{t('app.name')}</h1>
        <p>{t('app.noViews')}</p>
      </Match>
      <Match when={pathname() === '/'}>
        <Loading />
      </Match>
      {/* Keyed: each view gets its own remote area (its own loading, failure and retry). */}
      <Match when={view()} keyed>
        {(current) => (
          <Show when={allowed().includes(current)} fallback={<Loading />}>
            <RemoteView view={current} />
          </Show>
        )}
      </Match>
    </Switch>
  );
}
