import { createSignal } from 'solid-js';
import { SETUP_STEPS, type SetupStep } from './setup/setup-steps.ts';

/**
 * The department view's routes live in the query string below its base path
 * (`/department?page=setup&step=orgs`): the shell matches a view by its exact path, so a
 * deeper path would not reach this remote on a reload. Only this file knows the URL format.
 */
export { SETUP_STEPS, type SetupStep };

export type Route = { name: 'overview' } | { name: 'setup'; step?: SetupStep } | { name: 'sms' } | { name: 'checkin-fields' };

const [search, setSearch] = createSignal(window.location.search);
window.addEventListener('popstate', () => setSearch(window.location.search));

let basePath = '/department';
/** Set once by the app from the shell's `basePath`. */
export function setBasePath(path: string) {
  basePath = path;
}

export function parseRoute(query: string): Route {
  const params = new URLSearchParams(query);
  const page = params.get('page');
  if (page === 'sms') return { name: 'sms' };
  if (page === 'checkin-fields') return { name: 'checkin-fields' };
  if (page === 'setup') {
    const step = params.get('step');
    return { name: 'setup', step: (SETUP_STEPS as readonly string[]).includes(step ?? '') ? (step as SetupStep) : undefined };
  }
  return { name: 'overview' };
}

export function hrefOf(route: Route): string {
  const params = new URLSearchParams();
  if (route.name !== 'overview') params.set('page', route.name);
  if (route.name === 'setup' && route.step) params.set('step', route.step);
  const text = params.toString();
  return text ? `${basePath}?${text}` : basePath;
}

/** The current route, reactive (changes on navigate and on Back/Forward). */
export const route = () => parseRoute(search());

export function navigate(to: Route) {
  window.history.pushState(null, '', hrefOf(to));
  setSearch(window.location.search);
}

/**
 * The secretary view's pages the department uses too (accounts, appointments, the tree,
 * imports, rules): one home per page, reached through the shell's route.
 */
export const secretaryPage = (page: 'accounts' | 'roles' | 'tree' | 'excel' | 'scoring-rules' | 'contact-tasks' | 'roster') =>
  page === 'roster' ? '/secretary' : `/secretary?page=${page}`;

/**
 * Goes to another view without reloading: the shell and the other remote both follow
 * `popstate`, as they do for Back and Forward.
 */
export function goToView(href: string) {
  window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
