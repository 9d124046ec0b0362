import { Match, Switch, createResource } from 'solid-js';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { m } from '../messages.ts';
import { Breadcrumb } from './breadcrumb.tsx';
import { ChartWithTable } from './chart-with-table.tsx';
import { figuresScope } from './figures-scope.ts';
import { PeriodControls } from './period-controls.tsx';
import { loadPlaces } from './places-api.ts';
import { placesTable } from './places-table.ts';

const CHART_BARS = 15;

/** 三找: where the mobile members are (province and city), who employs them, which flow organization is there, and where one should be. */
export default function PlacesPage() {
  const scope = figuresScope('places');
  const [places, { refetch }] = createResource(() => ({ month: scope.month(), ...(scope.query().org ? { orgId: scope.query().org } : {}) }), loadPlaces);
  const top = () => [...(places.latest?.destinations ?? [])].sort((a, b) => b.members - a.members).slice(0, CHART_BARS);

  return (
    <section class="overview">
      <h1>{m('places.title')}</h1>
      <Breadcrumb page="places" path={scope.path()} query={{ month: scope.query().month }} />
      <p>{m('places.intro')}</p>
      <PeriodControls page="places" query={scope.query()} month={scope.month()} months={12} />
      <Switch>
        <Match when={places.error}>
          <ErrorNotice message={describeError(places.error)} onRetry={refetch} />
        </Match>
        <Match when={places.latest}>
          {(current) => (
            <ChartWithTable
              heading={m('places.chart')}
              chart={{
                kind: 'bar',
                horizontal: true,
                categories: top().map((d) => d.city),
                series: [
                  { name: m('figure.mobile'), values: top().map((d) => d.members) },
                  { name: m('figure.checkedIn'), values: top().map((d) => d.checkedIn) },
                ],
              }}
              table={placesTable(current().destinations)}
              context={scope.context}
              chartHeight={Math.max(200, top().length * 40)}
            />
          )}
        </Match>
        <Match when={places.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
