import { For, Match, Show, Suspense, Switch, createEffect, createResource, lazy, on } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { Loading, type RemoteAppProps } from '@tongxin/ui';
import { m } from './messages.ts';
import { MemberPage } from './roster/member-page.tsx';
import { RosterPage } from './roster/roster-page.tsx';
import { RouteLink } from './roster/route-link.tsx';
import { route, setBasePath, type Route } from './roster/route.ts';
import { focusHeading } from './roster/focus-heading.ts';
import { SecretaryStyles } from './roster/secretary-styles.tsx';

// The other pages are chunks of their own: most visits only need the roster. Each lazy page
// has its own Suspense, so the roster's resources never blank the page while they load.
const TreePage = lazy(() => import('./tree/tree-page.tsx'));
const TransfersPage = lazy(() => import('./transfers/transfers-page.tsx'));
const ExcelPage = lazy(() => import('./excel/excel-page.tsx'));
const MobilityPage = lazy(() => import('./mobility/mobility-page.tsx'));
// The double report's pages (issue 6): home and flow branches.
const CheckinsPage = lazy(() => import('./reporting/checkins/checkins-page.tsx'));
const FlowRosterPage = lazy(() => import('./reporting/flow-roster/flow-roster-page.tsx'));
const ReportsPage = lazy(() => import('./reporting/reports/reports-page.tsx'));
const MeetingsPage = lazy(() => import('./reporting/meetings/meetings-page.tsx'));
const SuggestionsPage = lazy(() => import('./reporting/suggestions/suggestions-page.tsx'));
const ContactTasksPage = lazy(() => import('./reporting/contact-tasks/contact-tasks-page.tsx'));
const TasksPage = lazy(() => import('./tasks/tasks-page.tsx'));
const CompletionsPage = lazy(() => import('./completions/completions-page.tsx'));
const PointsPage = lazy(() => import('./points/points-page.tsx'));
const EvaluationPage = lazy(() => import('./evaluation/evaluation-page.tsx'));
const ScoringRulesPage = lazy(() => import('./scoring-rules/scoring-rules-page.tsx'));
// Accounts and appointments (issue 12): the department's whole county, a secretary's subtree.
const AccountsPage = lazy(() => import('./accounts/accounts-page.tsx'));
const RolesPage = lazy(() => import('./roles/roles-page.tsx'));
const lazyPages = {
  checkins: CheckinsPage,
  'flow-roster': FlowRosterPage,
  reports: ReportsPage,
  meetings: MeetingsPage,
  suggestions: SuggestionsPage,
  'contact-tasks': ContactTasksPage,
  // 一领 (issue 7): tasks, their review, points and the annual evaluation.
  tasks: TasksPage,
  completions: CompletionsPage,
  points: PointsPage,
  evaluation: EvaluationPage,
  'scoring-rules': ScoringRulesPage,
  accounts: AccountsPage,
  roles: RolesPage,
} as const;

const sections = [
  { to: { name: 'roster', query: {} }, label: 'nav.roster' },
  { to: { name: 'reports' }, label: 'nav.reports' },
  { to: { name: 'checkins' }, label: 'nav.checkins' },
  { to: { name: 'flow-roster' }, label: 'nav.flowRoster' },
  { to: { name: 'meetings' }, label: 'nav.meetings' },
  { to: { name: 'suggestions' }, label: 'nav.suggestions' },
  { to: { name: 'contact-tasks' }, label: 'nav.contactTasks' },
  { to: { name: 'tasks' }, label: 'nav.tasks' },
  { to: { name: 'completions' }, label: 'nav.completions' },
  { to: { name: 'points' }, label: 'nav.points' },
  { to: { name: 'evaluation' }, label: 'nav.evaluation' },
  { to: { name: 'mobility' }, label: 'nav.mobility' },
  { to: { name: 'transfers' }, label: 'nav.transfers' },
  { to: { name: 'tree' }, label: 'nav.tree' },
  { to: { name: 'excel' }, label: 'nav.excel' },
  { to: { name: 'accounts' }, label: 'nav.accounts' },
  // Every secretary appoints within their scope: a township's the seats below it, a branch's its deputies.
  { to: { name: 'roles' }, label: 'nav.roles' },
] as const satisfies readonly { to: Route; label: Parameters<typeof m>[0] }[];

/** The secretary view: the roster, a member's record, and the pages for tree, transfers and Excel. */
export default function SecretaryApp(props: RemoteAppProps) {
  setBasePath(props.basePath);
  let area: HTMLDivElement | undefined;
  const rosterQuery = () => {
    const r = route();
    return r.name === 'roster' ? r.query : undefined;
  };
  const memberId = () => {
    const r = route();
    return r.name === 'member' ? r.memberId : undefined;
  };
  const current = () => {
    const r = route();
    return r.name === 'member' ? 'roster' : r.name;
  };
  // A new page (not a new filter) moves the focus to its heading, as a page load would.
  const pageKey = () => {
    const r = route();
    return r.name === 'member' ? `member:${r.memberId}` : r.name;
  };
  createEffect(on(pageKey, () => area && focusHeading(area), { defer: true }));
  // The scoring rules are the department's to set: only it gets the link (a secretary who
  // opens the page anyway reads them).
  const [me] = createResource(() => identity.auth.me.query());
  const isDepartment = () => !me.error && (me()?.roles ?? []).some((grant) => grant.role === 'department');

  return (
    <div class="secretary" ref={area}>
      <SecretaryStyles />
      <nav class="sub-nav" aria-label={m('nav.label')}>
        <ul>
          <For each={sections}>
            {(section) => (
              <li>
                <RouteLink to={section.to} current={current() === section.to.name}>
                  {m(section.label)}
                </RouteLink>
              </li>
            )}
          </For>
          <Show when={isDepartment()}>
            <li>
              <RouteLink to={{ name: 'scoring-rules' }} current={current() === 'scoring-rules'}>
                {m('nav.scoringRules')}
              </RouteLink>
            </li>
          </Show>
        </ul>
      </nav>
      <Switch>
        <Match when={rosterQuery()}>{(query) => <RosterPage query={query()} />}</Match>
        <Match when={memberId()} keyed>
          {(id) => <MemberPage memberId={id} />}
        </Match>
        <Match when={route().name === 'tree'}>
          <Suspense fallback={<Loading />}>
            <TreePage basePath={props.basePath} />
          </Suspense>
        </Match>
        <Match when={route().name === 'transfers'}>
          <Suspense fallback={<Loading />}>
            <TransfersPage basePath={props.basePath} />
          </Suspense>
        </Match>
        <Match when={route().name === 'excel'}>
          <Suspense fallback={<Loading />}>
            <ExcelPage basePath={props.basePath} />
          </Suspense>
        </Match>
        <Match when={route().name === 'mobility'}>
          <Suspense fallback={<Loading />}>
            <MobilityPage basePath={props.basePath} />
          </Suspense>
        </Match>
        <Match when={lazyPages[route().name as keyof typeof lazyPages]} keyed>
          {(Page) => (
            <Suspense fallback={<Loading />}>
              <Page basePath={props.basePath} />
            </Suspense>
          )}
        </Match>
      </Switch>
    </div>
  );
}
