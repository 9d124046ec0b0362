import { For, Match, Switch, createEffect, createRenderEffect, on } from 'solid-js';
import type { RemoteAppProps } from '@tongxin/ui';
import { InvitationsPage } from './invitations-page.tsx';
import { m } from './messages.ts';
import { OperatorStyles } from './operator-styles.tsx';
import { RouteLink, route, setBasePath, type Route } from './route.tsx';
import { TenantsPage } from './tenants-page.tsx';

const sections = [
  { to: { name: 'tenants' }, label: 'nav.tenants' },
  { to: { name: 'invitations' }, label: 'nav.invitations' },
] as const satisfies readonly { to: Route; label: Parameters<typeof m>[0] }[];

/** The platform operator's view: cities and counties, and their administrators' invitations. */
export default function OperatorApp(props: RemoteAppProps) {
  // Before the first render: links rendered below read it.
  createRenderEffect(() => setBasePath(props.basePath));
  let heading: HTMLHeadingElement | undefined;
  const onHeading = (element: HTMLHeadingElement) => (heading = element);
  // A new page moves the focus to its heading, as a page load would.
  createEffect(on(() => route().name, () => queueMicrotask(() => heading?.focus({ preventScroll: true })), { defer: true }));

  return (
    <div class="operator">
      <OperatorStyles />
      <nav class="sub-nav" aria-label={m('nav.label')}>
        <ul>
          <For each={sections}>
            {(section) => (
              <li>
                <RouteLink to={section.to} current={route().name === section.to.name}>
                  {m(section.label)}
                </RouteLink>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <Switch>
        <Match when={route().name === 'invitations'}>
          <InvitationsPage tenantId={(route() as { tenantId?: string }).tenantId} onHeading={onHeading} />
        </Match>
        <Match when={true}>
          <TenantsPage onHeading={onHeading} />
        </Match>
      </Switch>
    </div>
  );
}
