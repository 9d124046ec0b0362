import { lazy, type Component } from 'solid-js';
import type { SecretaryMessageKey } from '../messages.ts';
import type { Seat } from './seats.ts';

const ALL: readonly Seat[] = ['department', 'township', 'branch', 'flow'];
/** The home side: members' own branches and the levels above them. */
const HOME: readonly Seat[] = ['department', 'township', 'branch'];
/** The destination side: flow organizations and the levels that hold them. */
const DESTINATION: readonly Seat[] = ['department', 'township', 'flow'];
/** The committees that issue and register activity certificates. */
const COMMITTEES: readonly Seat[] = ['department', 'township'];

interface PageEntry {
  name: string;
  label: SecretaryMessageKey;
  seats: readonly Seat[];
  page: Component;
  /** False for a page opened only from a link (a certificate's code): routed, not in the nav. */
  nav?: false;
}

/**
 * The secretary view's pages, in the order of the nav: the nav, the route parser and the
 * page switch all read this list, so a new page is one entry here. Each page is a chunk of
 * its own (most visits only need the roster, which app.tsx renders itself).
 */
export const PAGES = [
  { name: 'reports', label: 'nav.reports', seats: HOME, page: lazy(() => import('../reporting/reports/reports-page.tsx')) },
  // A destination decides and shows its QR code; a home branch follows its members' check-ins.
  { name: 'checkins', label: 'nav.checkins', seats: ALL, page: lazy(() => import('../reporting/checkins/checkins-page.tsx')) },
  { name: 'flow-roster', label: 'nav.flowRoster', seats: DESTINATION, page: lazy(() => import('../reporting/flow-roster/flow-roster-page.tsx')) },
  { name: 'meetings', label: 'nav.meetings', seats: ALL, page: lazy(() => import('../reporting/meetings/meetings-page.tsx')) },
  { name: 'suggestions', label: 'nav.suggestions', seats: HOME, page: lazy(() => import('../reporting/suggestions/suggestions-page.tsx')) },
  { name: 'contact-tasks', label: 'nav.contactTasks', seats: HOME, page: lazy(() => import('../reporting/contact-tasks/contact-tasks-page.tsx')) },
  // 一领 (issue 7): flow organizations publish tasks too.
  { name: 'tasks', label: 'nav.tasks', seats: ALL, page: lazy(() => import('../tasks/tasks-page.tsx')) },
  { name: 'completions', label: 'nav.completions', seats: ALL, page: lazy(() => import('../tasks/completions/completions-page.tsx')) },
  { name: 'points', label: 'nav.points', seats: HOME, page: lazy(() => import('../scoring/points/points-page.tsx')) },
  { name: 'evaluation', label: 'nav.evaluation', seats: HOME, page: lazy(() => import('../scoring/evaluation/evaluation-page.tsx')) },
  { name: 'mobility', label: 'nav.mobility', seats: HOME, page: lazy(() => import('../mobility/mobility-page.tsx')) },
  { name: 'transfers', label: 'nav.transfers', seats: HOME, page: lazy(() => import('../transfers/transfers-page.tsx')) },
  // 流动党员活动证 (issue 17): the committees' register and letters; any secretary verifies a code.
  { name: 'certificates', label: 'nav.certificates', seats: COMMITTEES, page: lazy(() => import('../certificates/certificates-page.tsx')) },
  { name: 'certificate-letters', label: 'nav.certificateLetters', seats: COMMITTEES, page: lazy(() => import('../certificates/letters-page.tsx')) },
  { name: 'verify-certificate', label: 'nav.verifyCertificate', seats: ALL, nav: false, page: lazy(() => import('../certificates/verify-page.tsx')) },
  // 党费 (issue 17): the home side's tables and records, and a flow organization's for the members checked in with it.
  { name: 'dues', label: 'nav.dues', seats: ALL, page: lazy(() => import('../dues/dues-page.tsx')) },
  // Only the levels above branches change the tree.
  { name: 'tree', label: 'nav.tree', seats: ['department', 'township'], page: lazy(() => import('../tree/tree-page.tsx')) },
  { name: 'excel', label: 'nav.excel', seats: HOME, page: lazy(() => import('../excel/excel-page.tsx')) },
  { name: 'accounts', label: 'nav.accounts', seats: ALL, page: lazy(() => import('../accounts/accounts-page.tsx')) },
  // Every secretary appoints within their scope: a township's the seats below it, a branch's its deputies.
  { name: 'roles', label: 'nav.roles', seats: ALL, page: lazy(() => import('../roles/roles-page.tsx')) },
  // The scoring rules are the department's to set.
  { name: 'scoring-rules', label: 'nav.scoringRules', seats: ['department'], page: lazy(() => import('../scoring/rules/scoring-rules-page.tsx')) },
  // The county's dues table is its department's, as the scoring rules are.
  { name: 'dues-rates', label: 'nav.duesRates', seats: ['department'], page: lazy(() => import('../dues/rates-page.tsx')) },
] as const satisfies readonly PageEntry[];

export type PageName = (typeof PAGES)[number]['name'];

export function pageNamed(name: string): (typeof PAGES)[number] | undefined {
  return PAGES.find((entry) => entry.name === name);
}

/** The pages a caller with these seats is offered. A page opened by its address still renders: the server decides what it shows. */
export function pagesFor(seats: ReadonlySet<Seat>) {
  return PAGES.filter((entry) => !('nav' in entry && entry.nav === false) && entry.seats.some((seat) => seats.has(seat)));
}
