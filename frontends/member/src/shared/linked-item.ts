import { createEffect } from 'solid-js';

/**
 * A shared link names one item of a list (`?task=…`, `?meeting=…`, issue 18): once the list
 * shows it, it is scrolled to and its heading takes the focus, so the member lands on it,
 * also after the login the link went through.
 */
export function createLinkedFocus(linkedHeadingId: () => string | false | null | undefined) {
  let done = false;
  // `linkedHeadingId` names the heading once the list it is in is on screen.
  createEffect(() => {
    const id = linkedHeadingId();
    if (done || !id) return;
    const heading = document.getElementById(id);
    if (!heading) return;
    done = true;
    heading.setAttribute('tabindex', '-1');
    heading.scrollIntoView({ block: 'center' });
    heading.focus({ preventScroll: true });
  });
}
