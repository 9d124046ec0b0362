import { Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { errorKind } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { loadChildren, loadCounties } from './city-api.ts';
import { cm } from './city-messages.ts';
import { currentChinaMonth, isPickableMonth, type CityRow } from './city-rows.ts';
import { CityStyles } from './city-styles.tsx';
import { CityTable } from './city-table.tsx';

/** Where the city is looking: all its counties, one county's townships, or one township's branches. */
type Level = { kind: 'counties' } | { kind: 'county'; county: CityRow } | { kind: 'township'; county: CityRow; township: CityRow };

/**
 * The city's view (issue 15), for a city's organization department: the counties that granted
 * it their figures side by side for a month, each opening its townships and each township its
 * branches. Counts only, from the services' rollups: no row here is a person.
 */
export default function CityPage() {
  const [month, setMonth] = createSignal(currentChinaMonth());
  const [level, setLevel] = createSignal<Level>({ kind: 'counties' });
  const validMonth = () => (isPickableMonth(month()) ? month() : null);

  const [counties, countiesAgain] = createResource(validMonth, loadCounties);
  const childQuery = () => {
    const at = level();
    const m = validMonth();
    if (!m || at.kind === 'counties') return null;
    return { countyId: at.county.id, month: m, orgId: at.kind === 'township' ? at.township.id : undefined };
  };
  const [children, childrenAgain] = createResource(childQuery, (q) => loadChildren(q.countyId, q.month, q.orgId));

  const up = () => {
    const at = level();
    setLevel(at.kind === 'township' ? { kind: 'county', county: at.county } : { kind: 'counties' });
  };

  return (
    <section class="city-view">
      <CityStyles />
      <h1>{cm('city.title')}</h1>
      <p class="meta">{cm('city.intro')}</p>
      <div class="city-controls">
        <div class="field">
          <label for="city-month">{cm('city.month')}</label>
          <input
            id="city-month"
            type="month"
            value={month()}
            max={currentChinaMonth()}
            aria-invalid={validMonth() ? undefined : 'true'}
            aria-describedby={validMonth() ? undefined : 'city-month-error'}
            onChange={(event) => setMonth(event.currentTarget.value)}
          />
          <Show when={!validMonth()}>
            <p id="city-month-error" class="field-error">
              {cm('city.monthInvalid')}
            </p>
          </Show>
        </div>
        <Show when={level().kind !== 'counties'}>
          <button type="button" onClick={up}>
            {level().kind === 'township' ? cm('city.back') : cm('city.backToCounties')}
          </button>
        </Show>
      </div>

      <Switch>
        <Match when={level().kind === 'counties'}>
          <Switch>
            <Match when={counties.error}>
              <ErrorNotice message={describeError(counties.error)} onRetry={countiesAgain.refetch} />
            </Match>
            <Match when={counties.loading}>
              <Loading />
            </Match>
            <Match when={counties()?.length === 0}>
              <p>{cm('city.none')}</p>
            </Match>
            <Match when={counties()}>
              {(rows) => <CityTable caption={cm('city.counties')} rows={rows()} onOpen={(county) => setLevel({ kind: 'county', county })} />}
            </Match>
          </Switch>
        </Match>
        <Match when={children.error}>
          <Show when={errorKind(children.error) === 'NOT_FOUND'} fallback={<ErrorNotice message={describeError(children.error)} onRetry={childrenAgain.refetch} />}>
            <div class="notice notice-warn" role="alert">
              <p>{cm('city.notFound')}</p>
            </div>
          </Show>
        </Match>
        <Match when={children.loading}>
          <Loading />
        </Match>
        <Match when={children()}>
          {(rows) => {
            const at = level();
            const caption = at.kind === 'township' ? cm('city.branches', { org: at.township.name }) : at.kind === 'county' ? cm('city.townships', { county: at.county.name }) : '';
            return (
              <Show when={rows().length > 0} fallback={<p>{cm('city.noChildren')}</p>}>
                <CityTable
                  caption={caption}
                  rows={rows()}
                  onOpen={at.kind === 'county' ? (township) => setLevel({ kind: 'township', county: at.county, township }) : undefined}
                />
              </Show>
            );
          }}
        </Match>
      </Switch>
    </section>
  );
}
