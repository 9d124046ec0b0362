import { createSignal } from 'solid-js';

/**
 * The member view's sections live in the query string below its base path
 * (`/member?page=report`): the shell matches a view by its exact path, so a deeper path
 * would not reach this remote on a reload. Only this file knows the URL format.
 */
export const PAGES = ['ledger', 'checkin', 'report', 'meetings', 'tasks', 'points', 'suggestions', 'inbox', 'certificate', 'dues', 'mobility'] as const;
export type Page = (typeof PAGES)[number];

const [search, setSearch] = createSignal(window.location.search);
window.addEventListener('popstate', () => setSearch(window.location.search));

let basePath = '/member';
/**
 * Set by the app from the shell's `basePath` when it opens. The URL is read again then: the
 * shell may have loaded this module on another page (the login page, while the session was
 * checked) and moved to this view with pushState, which fires no popstate.
 */
export function setBasePath(path: string) {
  basePath = path;
  setSearch(window.location.search);
}

/** The section shown; anything unknown is the ledger (the first screen). */
export const page = (): Page => {
  const name = new URLSearchParams(search()).get('page');
  return (PAGES as readonly string[]).includes(name ?? '') ? (name as Page) : 'ledger';
};

/** A query parameter of the current URL (a check-in link's `tenant`, `org`, …), reactive. */
export const param = (name: string) => new URLSearchParams(search()).get(name);

export function hrefOf(to: Page): string {
  return to === 'ledger' ? basePath : `${basePath}?page=${to}`;
}

export function navigate(to: Page) {
  window.history.pushState(null, '', hrefOf(to));
  setSearch(window.location.search);
}
