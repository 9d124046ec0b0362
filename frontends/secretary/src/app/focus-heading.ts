/**
 * Moves the focus to the page's `<h1>` once it is on screen (a lazily loaded page renders
 * it a little later), so screen readers announce the new page after an in-view route change.
 */
export function focusHeading(area: HTMLElement, triesLeft = 60) {
  const heading = area.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
    return;
  }
  if (triesLeft > 0) requestAnimationFrame(() => focusHeading(area, triesLeft - 1));
}
