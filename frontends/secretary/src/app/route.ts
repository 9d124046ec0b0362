import { createSignal } from 'solid-js';
import { pageNamed, type PageName } from './pages.ts';

/**
 * The secretary view's routes live in the query string below its base path
 * (`/secretary?member=…`): the shell matches a view by its exact path, so a deeper path
 * would not reach this remote on a reload. Only this file knows the URL format.
 */
export interface RosterQuery {
  orgId?: string;
  search?: string;
  status?: 'resident' | 'mobile' | 'lost_contact' | 'transferred_out';
  destinationCity?: string;
  stale?: boolean;
  lostContact?: boolean;
  /** Mobile or lost contact: the members behind the department overview's 流动党员 card. */
  away?: boolean;
  /** Checked in with a destination now: the members behind its 已报到 card. */
  checkedIn?: boolean;
  /** Only members without contact for at least this many months (the lost-contact rule's early view). */
  noContactMonths?: number;
  page?: number;
}

export type Route =
  | { name: 'roster'; query: RosterQuery }
  | { name: 'member'; memberId: string }
  | { name: PageName };

const [search, setSearch] = createSignal(window.location.search);
window.addEventListener('popstate', () => setSearch(window.location.search));

let basePath = '/secretary';
/** Set once by the app from the shell's `basePath`: the only part of the app that needs it. */
export function setBasePath(path: string) {
  basePath = path;
}

const STATUSES = ['resident', 'mobile', 'lost_contact', 'transferred_out'] as const;
/** The roster's choices of months without contact: 6 is the lost-contact rule, 3 the time to act before it. */
export const NO_CONTACT_MONTHS = [3, 6] as const;

export function parseRoute(query: string): Route {
  const params = new URLSearchParams(query);
  const memberId = params.get('member');
  if (memberId) return { name: 'member', memberId };
  const page = params.get('page');
  const entry = page ? pageNamed(page) : undefined;
  if (entry) return { name: entry.name };
  const status = params.get('status');
  const pageNumber = Number(params.get('p'));
  const noContact = Number(params.get('nocontact'));
  return {
    name: 'roster',
    query: {
      orgId: params.get('org') ?? undefined,
      search: params.get('q') ?? undefined,
      status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as RosterQuery['status']) : undefined,
      destinationCity: params.get('city') ?? undefined,
      stale: params.get('stale') === '1' || undefined,
      lostContact: params.get('lost') === '1' || undefined,
      away: params.get('away') === '1' || undefined,
      checkedIn: params.get('checkedin') === '1' || undefined,
      noContactMonths: (NO_CONTACT_MONTHS as readonly number[]).includes(noContact) ? noContact : undefined,
      page: Number.isInteger(pageNumber) && pageNumber > 1 ? pageNumber : undefined,
    },
  };
}

export function hrefOf(route: Route): string {
  const params = new URLSearchParams();
  if (route.name === 'member') params.set('member', route.memberId);
  else if (route.name !== 'roster') params.set('page', route.name);
  else {
    const q = route.query;
    if (q.orgId) params.set('org', q.orgId);
    if (q.search) params.set('q', q.search);
    if (q.status) params.set('status', q.status);
    if (q.destinationCity) params.set('city', q.destinationCity);
    if (q.stale) params.set('stale', '1');
    if (q.lostContact) params.set('lost', '1');
    if (q.away) params.set('away', '1');
    if (q.checkedIn) params.set('checkedin', '1');
    if (q.noContactMonths) params.set('nocontact', String(q.noContactMonths));
    if (q.page && q.page > 1) params.set('p', String(q.page));
  }
  const text = params.toString();
  return text ? `${basePath}?${text}` : basePath;
}

/** A query parameter a page reads besides its name (the verification's `token`), reactive. */
export const routeParam = (name: string) => new URLSearchParams(search()).get(name);

/** The current route, reactive (changes on navigate and on Back/Forward). */
export const route = () => parseRoute(search());

/** A new entry in the history; `replace` for refinements such as typing in the search box. */
export function navigate(to: Route, options?: { replace?: boolean }) {
  const href = hrefOf(to);
  if (options?.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  setSearch(window.location.search);
}
