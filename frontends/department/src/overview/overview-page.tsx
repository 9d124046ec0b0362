import { Match, Show, Switch, createResource } from 'solid-js';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { RouteLink } from '../links.tsx';
import { m } from '../messages.ts';
import { Breadcrumb } from './breadcrumb.tsx';
import { ChildrenTable } from './children-table.tsx';
import { DimensionsSection } from './dimensions-section.tsx';
import { FigureCards } from './figure-cards.tsx';
import { figuresScope } from './figures-scope.ts';
import { Freshness } from './freshness.tsx';
import { BRANCH_KINDS, loadOverview } from './overview-api.ts';
import { PeriodControls } from './period-controls.tsx';
import { SetupStatus } from './setup-status.tsx';
import { TrendSection } from './trend-section.tsx';

/**
 * The department's home: the county's (or, drilled down, an org's) figures for a month from
 * the four services' rollups, their trends, the orgs below with theirs, and the dimensions.
 */
export function OverviewPage() {
  const scope = figuresScope('overview');
  const [overview, { refetch }] = createResource(() => ({ month: scope.month(), orgId: scope.query().org, months: scope.months() }), loadOverview);
  const atBranch = () => BRANCH_KINDS.includes(scope.org()?.kind ?? '');
  const heading = () => (scope.query().org ? m('overview.titleOf', { org: scope.orgName() }) : m('overview.title'));

  return (
    <section class="overview">
      <h1 id="overview-title">{heading()}</h1>
      <Breadcrumb page="overview" path={scope.path()} query={{ month: scope.query().month, months: scope.query().months }} />
      <SetupStatus />
      <PeriodControls page="overview" query={scope.query()} month={scope.month()} months={scope.months()} trend />
      <p class="figures-links">
        <RouteLink to={{ name: 'flow', month: scope.query().month }}>{m('nav.flow')}</RouteLink>
        <RouteLink to={{ name: 'places', month: scope.query().month, org: scope.query().org }}>{m('nav.places')}</RouteLink>
      </p>
      <Switch>
        <Match when={overview.error}>
          <ErrorNotice message={describeError(overview.error)} onRetry={refetch} />
        </Match>
        <Match when={overview.latest}>
          {(current) => (
            <div aria-busy={overview.loading}>
              <Freshness asOf={current().asOf} behind={current().behind} />
              <Show when={atBranch()}>
                <p class="meta">{m('overview.branchLinks')}</p>
              </Show>
              <FigureCards figures={current().figures} previous={current().previous} branchId={atBranch() ? scope.org()?.id : undefined} />
              <Show when={scope.children().length > 0}>
                <ChildrenTable children={scope.children()} figures={current().children} query={{ month: scope.query().month, months: scope.query().months }} context={scope.context} />
              </Show>
              <TrendSection overview={current()} context={scope.context} />
              <DimensionsSection figures={current().figures} context={scope.context} />
            </div>
          )}
        </Match>
        <Match when={overview.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
