import { createSignal, type JSX } from 'solid-js';

// A router of a few lines instead of a library: the shell has five flat routes and the
// member path must stay small (issue 4: ≤ 50 KB gzipped on first load).
const read = () => ({ pathname: window.location.pathname, search: window.location.search });
const [where, setWhere] = createSignal(read());
window.addEventListener('popstate', () => setWhere(read()));

export const pathname = () => where().pathname;

export function searchParam(name: string): string | null {
  return new URLSearchParams(where().search).get(name);
}

export function currentLocation(): string {
  return where().pathname + where().search;
}

export function navigate(to: string, options?: { replace?: boolean }) {
  if (options?.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  setWhere(read());
}

/** A same-origin link that changes route without reloading; modified clicks behave as usual. */
export function Link(props: { href: string; class?: string; current?: boolean; children: JSX.Element }) {
  return (
    <a
      href={props.href}
      class={props.class}
      aria-current={props.current ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
