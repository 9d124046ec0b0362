import type { JSX } from 'solid-js';
import { hrefOf, navigate, type Route } from './route.ts';

/** A real link (opens in a new tab when asked) that changes the route without reloading. */
export function RouteLink(props: { to: Route; class?: string; current?: boolean; 'aria-label'?: string; children: JSX.Element }) {
  return (
    <a
      href={hrefOf(props.to)}
      class={props.class}
      aria-label={props['aria-label']}
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
