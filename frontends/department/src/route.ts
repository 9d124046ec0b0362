import { isMonth } from '@tongxin/calendar';
import { createSignal } from 'solid-js';
import { SETUP_STEPS, type SetupStep } from './setup/setup-steps.ts';

/**
 * The department view's routes live in the query string below its base path
 * (`/department?page=setup&step=orgs`): the shell matches a view by its exact path, so a
 * deeper path would not reach this remote on a reload. Only this file knows the URL format.
 */
export { SETUP_STEPS, type SetupStep };

/**
 * What the figures pages show: an org's subtree (absent: the county) for a month (absent: the
 * current China month), with a trend of 12 or 24 months (absent: 12).
 */
export interface FiguresQuery {
  org?: string;
  month?: string;
  months?: 12 | 24;
}

/** The pages that read the rollups: the overview (home), the flow organizations' assessment, 三找. */
export type FiguresPage = 'overview' | 'flow' | 'places';
const FIGURES_PAGES: readonly string[] = ['flow', 'places'];

export type Route =
  | ({ name: FiguresPage } & FiguresQuery)
  | { name: 'setup'; step?: SetupStep }
  | { name: 'sms' }
  | { name: 'checkin-fields' }
  | { name: 'city-grant' };

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
  if (page === 'city-grant') return { name: 'city-grant' };
  if (page === 'setup') {
    const step = params.get('step');
    return { name: 'setup', step: (SETUP_STEPS as readonly string[]).includes(step ?? '') ? (step as SetupStep) : undefined };
  }
  return { name: FIGURES_PAGES.includes(page ?? '') ? (page as FiguresPage) : 'overview', ...figuresQuery(params) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed org, month or length is dropped (the page shows the county, this month, 12 months) rather than sent to be refused. */
function figuresQuery(params: URLSearchParams): FiguresQuery {
  const org = params.get('org') ?? '';
  const month = params.get('month') ?? '';
  const months = params.get('months');
  return {
    ...(UUID.test(org) ? { org } : {}),
    ...(isMonth(month) ? { month } : {}),
    ...(months === '24' ? { months: 24 as const } : {}),
  };
}

const isFiguresRoute = (route: Route): route is { name: FiguresPage } & FiguresQuery => route.name === 'overview' || FIGURES_PAGES.includes(route.name);

export function hrefOf(route: Route): string {
  const params = new URLSearchParams();
  if (route.name !== 'overview') params.set('page', route.name);
  if (route.name === 'setup' && route.step) params.set('step', route.step);
  if (isFiguresRoute(route)) {
    if (route.org) params.set('org', route.org);
    if (route.month) params.set('month', route.month);
    if (route.months === 24) params.set('months', '24');
  }
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

/** The members behind a branch's figure: the secretary view's roster, filtered (its route.ts reads these parameters). */
export interface RosterFilter {
  status?: 'mobile' | 'lost_contact';
  lostContact?: boolean;
  /** Mobile or lost contact: every member the 流动党员 figure counts. */
  away?: boolean;
  checkedIn?: boolean;
  stale?: boolean;
  city?: string;
}

export function secretaryRoster(orgId: string, filter: RosterFilter = {}): string {
  const params = new URLSearchParams({ org: orgId });
  if (filter.status) params.set('status', filter.status);
  if (filter.lostContact) params.set('lost', '1');
  if (filter.away) params.set('away', '1');
  if (filter.checkedIn) params.set('checkedin', '1');
  if (filter.stale) params.set('stale', '1');
  if (filter.city) params.set('city', filter.city);
  return `/secretary?${params.toString()}`;
}

/**
 * Goes to another view without reloading: the shell and the other remote both follow
 * `popstate`, as they do for Back and Forward.
 */
export function goToView(href: string) {
  window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
