import { ErrorBoundary, Match, Switch, createResource, createSignal } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { t } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { loadRemoteApp } from './load-remote.ts';
import type { View } from './views.ts';

/**
 * One remote in its area of the page. A failure (unreachable remote, error while rendering)
 * stays inside this area with a Retry; the navigation and other views keep working.
 */
export function RemoteView(props: { view: View }) {
  // Each retry is a new source value, so a new load: a failed load is never reused
  // (Solid's lazy() would keep the failure).
  const [attempt, setAttempt] = createSignal(0);
  const [app] = createResource(
    () => ({ name: props.view.name, attempt: attempt() }),
    (source) => loadRemoteApp(source.name, source.attempt),
  );

  return (
    <Switch>
      <Match when={app.error}>
        <RemoteFailure view={props.view} error={app.error} onRetry={() => setAttempt((n) => n + 1)} />
      </Match>
      <Match when={app()}>
        {(component) => (
          <ErrorBoundary fallback={(error, reset) => <RemoteFailure view={props.view} error={error} onRetry={reset} />}>
            <Dynamic component={component()} basePath={props.view.path} />
          </ErrorBoundary>
        )}
      </Match>
      <Match when={app.loading}>
        <Loading />
      </Match>
    </Switch>
  );
}

function RemoteFailure(props: { view: View; error: unknown; onRetry: () => void }) {
  return (
    <>
      <h1>{t(props.view.label)}</h1>
      <ErrorNotice message={t('remote.failed', { view: t(props.view.label) })} detail={describeError(props.error)} onRetry={props.onRetry} />
    </>
  );
}
