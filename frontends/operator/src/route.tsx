import { createSignal } from 'solid-js';

/**
 * The operator view's pages live in the query string below its base path
 * (`/operator?page=invitations&tenant=431022`): the shell matches a view by its exact path,
 * so a deeper path would not reach this remote on a reload.
 */
export type Route = { name: 'tenants' } | { name: 'invitations'; tenantId?: string };

const [search, setSearch] = createSignal(window.location.search);
window.addEventListener('popstate', () => setSearch(window.location.search));

let basePath = '/operator';
export function setBasePath(path: string) {
  basePath = path;
}

export function parseRoute(query: string): Route {
  const params = new URLSearchParams(query);
  if (params.get('page') === 'invitations') {
    const tenantId = params.get('tenant');
    return tenantId ? { name: 'invitations', tenantId } : { name: 'invitations' };
  }
  return { name: 'tenants' };
}

export function hrefOf(route: Route): string {
  if (route.name === 'tenants') return basePath;
  const params = new URLSearchParams({ page: 'invitations' });
  if (route.tenantId) params.set('tenant', route.tenantId);
  return `${basePath}?${params}`;
}

export const route = () => parseRoute(search());

export function navigate(to: Route, options?: { replace?: boolean }) {
  const href = hrefOf(to);
  if (options?.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  setSearch(window.location.search);
}

/** A link to one of this view's pages; modified clicks open it as usual. */
export function RouteLink(props: { to: Route; current?: boolean; class?: string; children: string }) {
  return (
    <a
      href={hrefOf(props.to)}
      class={props.class}
      aria-current={props.current ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
