import { Match, Show, Suspense, Switch, type Accessor, type JSX, type Resource } from 'solid-js';
import { describeError } from './describe-error.ts';
import { ErrorNotice } from './error-notice.tsx';
import { Loading } from './loading.tsx';

/**
 * A list read from the server, in its four states: loading, failed (with Retry), empty (a
 * sentence), or the items. While a refetch runs the previous items stay on screen.
 */
export function ResourceList<T>(props: {
  resource: Resource<T[] | undefined>;
  onRetry: () => void;
  empty: string;
  children: (items: Accessor<T[]>) => JSX.Element;
}) {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Match when={props.resource.error}>
          <ErrorNotice message={describeError(props.resource.error)} onRetry={props.onRetry} />
        </Match>
        <Match when={props.resource.latest}>
          {(items) => (
            <Show when={items().length > 0} fallback={<p>{props.empty}</p>}>
              {props.children(items)}
            </Show>
          )}
        </Match>
      </Switch>
    </Suspense>
  );
}
