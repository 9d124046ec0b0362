import type { JSX } from 'solid-js';
import { goToView, hrefOf, navigate, type Route } from './route.ts';

const plainClick = (event: MouseEvent) => event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/** A real link (opens in a new tab when asked) that changes this view's route without reloading. */
export function RouteLink(props: { to: Route; class?: string; current?: boolean | 'step'; children: JSX.Element }) {
  return (
    <a
      href={hrefOf(props.to)}
      class={props.class}
      aria-current={props.current === 'step' ? 'step' : props.current ? 'page' : undefined}
      onClick={(event) => {
        if (!plainClick(event)) return;
        event.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}

/** A link to another view of the shell (the secretary view's pages), without reloading. */
export function ViewLink(props: { href: string; class?: string; children: JSX.Element }) {
  return (
    <a
      href={props.href}
      class={props.class}
      onClick={(event) => {
        if (!plainClick(event)) return;
        event.preventDefault();
        goToView(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
