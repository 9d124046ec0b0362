import { Match, Show, Switch, createResource } from 'solid-js';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { m } from '../messages.ts';
import { ChartWithTable } from './chart-with-table.tsx';
import { figure, type Figures } from './figures.ts';
import { figuresScope } from './figures-scope.ts';
import { flowTable } from './flow-table.ts';
import { FLOW_KINDS, loadOverview, type TreeOrg } from './overview-api.ts';
import { PeriodControls } from './period-controls.tsx';

/**
 * Each flow organization's figures come from its parent's answer (its `children`): one
 * overview per distinct parent (a township, the 流动党总支), not one per flow organization.
 */
async function flowFigures(orgs: readonly TreeOrg[], month: string): Promise<Map<string, Figures>> {
  const parents = [...new Set(orgs.map((org) => org.parentId).filter((id): id is string => id !== null))];
  const answers = await Promise.all(parents.map((orgId) => loadOverview({ month, orgId, months: 12 })));
  const figures = new Map<string, Figures>();
  for (const answer of answers) for (const [id, of] of answer.children) figures.set(id, of);
  return figures;
}

/** The county's flow organizations (流动党组织) assessed for a month: members, check-ins here, meetings, reports, tasks. */
export default function FlowPage() {
  const scope = figuresScope('flow');
  const flowOrgs = () => (scope.tree() ?? []).filter((org) => FLOW_KINDS.includes(org.kind));
  const [figures, { refetch }] = createResource(() => (scope.tree() ? { orgs: flowOrgs(), month: scope.month() } : false), ({ orgs, month }) => flowFigures(orgs, month));

  return (
    <section class="overview">
      <h1>{m('flow.title')}</h1>
      <p>{m('flow.intro')}</p>
      <PeriodControls page="flow" query={scope.query()} month={scope.month()} months={12} />
      <Switch>
        <Match when={scope.tree.error || figures.error}>
          <ErrorNotice message={describeError(scope.tree.error ?? figures.error)} onRetry={() => (scope.tree.error ? scope.refetchTree() : refetch())} />
        </Match>
        <Match when={figures.latest}>
          {(current) => (
            <Show when={flowOrgs().length > 0} fallback={<p>{m('flow.none')}</p>}>
              <ChartWithTable
                heading={m('flow.chart')}
                chart={{
                  kind: 'bar',
                  horizontal: true,
                  categories: flowOrgs().map((org) => org.name),
                  series: [
                    { name: m('figure.members'), values: flowOrgs().map((org) => figure(current().get(org.id) ?? {}, 'members')) },
                    { name: m('figure.checkedInHere'), values: flowOrgs().map((org) => figure(current().get(org.id) ?? {}, 'checkedInHere')) },
                  ],
                }}
                table={flowTable(flowOrgs(), current(), scope.query().month)}
                context={scope.context}
                chartHeight={Math.max(200, flowOrgs().length * 48)}
              />
            </Show>
          )}
        </Match>
        <Match when={true}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
