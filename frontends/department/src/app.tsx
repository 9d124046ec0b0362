import { For, Match, Show, Suspense, Switch, createEffect, createRenderEffect, createResource, lazy, on } from 'solid-js';
import { Loading, type RemoteAppProps } from '@tongxin/ui';
import { callerIsCity } from './city/city-api.ts';
import { DepartmentStyles } from './department-styles.tsx';
import { RouteLink, ViewLink } from './links.tsx';
import { m, type DepartmentMessageKey } from './messages.ts';
import { OverviewPage } from './overview/overview-page.tsx';
import { route, secretaryPage, setBasePath, type Route } from './route.ts';

// The overview is what most visits need; the wizard and the SMS settings are chunks of their own.
const SetupPage = lazy(() => import('./setup/setup-page.tsx'));
const SmsPage = lazy(() => import('./sms/sms-page.tsx'));
const CheckinFieldsPage = lazy(() => import('./checkin-fields/checkin-fields-page.tsx'));
const FlowPage = lazy(() => import('./overview/flow-page.tsx'));
const PlacesPage = lazy(() => import('./overview/places-page.tsx'));
// A city's department sees only its counties' figures; a county gives or revokes its city's access.
const CityPage = lazy(() => import('./city/city-page.tsx'));
const CityGrantPage = lazy(() => import('./city/city-grant-page.tsx'));

type Section = { label: DepartmentMessageKey } & ({ to: Route } | { href: string });
const sections: readonly Section[] = [
  { to: { name: 'overview' }, label: 'nav.overview' },
  { to: { name: 'flow' }, label: 'nav.flow' },
  { to: { name: 'places' }, label: 'nav.places' },
  { to: { name: 'setup' }, label: 'nav.setup' },
  // Accounts and appointments serve secretaries too: they live in the secretary view.
  { href: secretaryPage('accounts'), label: 'nav.accounts' },
  { href: secretaryPage('roles'), label: 'nav.roles' },
  { to: { name: 'sms' }, label: 'nav.sms' },
  { to: { name: 'checkin-fields' }, label: 'nav.checkinFields' },
  { to: { name: 'city-grant' }, label: 'nav.cityGrant' },
  // The county's points rules are the department's to set; the page lives with the points pages.
  { href: secretaryPage('scoring-rules'), label: 'nav.scoringRules' },
];

/** Moves the focus to the new page's `<h1>` (a lazy page renders it a little later). */
function focusHeading(area: HTMLElement, triesLeft = 60) {
  const heading = area.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    return;
  }
  if (triesLeft > 0) requestAnimationFrame(() => focusHeading(area, triesLeft - 1));
}

/** The department view: the county's overview (and its flow organizations, 三找), the setup wizard, the SMS channel and the fields a check-in shares. */
export default function DepartmentApp(props: RemoteAppProps) {
  // Before the first render: links rendered below read it.
  createRenderEffect(() => setBasePath(props.basePath));
  let area: HTMLDivElement | undefined;
  // A new page (not a new wizard step: the wizard moves the focus to the step itself).
  const pageKey = () => route().name;
  createEffect(on(pageKey, () => area && focusHeading(area), { defer: true }));
  const [isCity] = createResource(callerIsCity);

  return (
    <Show when={!isCity.loading} fallback={<Loading />}>
      <Show when={isCity()} fallback={<CountyView ref={(el) => (area = el)} />}>
        <div class="department" ref={area}>
          <DepartmentStyles />
          <Suspense fallback={<Loading />}>
            <CityPage />
          </Suspense>
        </div>
      </Show>
    </Show>
  );
}

/** A county's department: its nav and pages. */
function CountyView(props: { ref: (el: HTMLDivElement) => void }) {
  return (
    <div class="department" ref={props.ref}>
      <DepartmentStyles />
      <nav class="sub-nav" aria-label={m('nav.label')}>
        <ul>
          <For each={sections}>
            {(section) => (
              <li>
                {'to' in section ? (
                  <RouteLink to={section.to} current={route().name === section.to.name}>
                    {m(section.label)}
                  </RouteLink>
                ) : (
                  <ViewLink href={section.href}>{m(section.label)}</ViewLink>
                )}
              </li>
            )}
          </For>
        </ul>
      </nav>
      <Suspense fallback={<Loading />}>
        <Switch fallback={<OverviewPage />}>
          <Match when={route().name === 'setup'}>
            <SetupPage />
          </Match>
          <Match when={route().name === 'sms'}>
            <SmsPage />
          </Match>
          <Match when={route().name === 'checkin-fields'}>
            <CheckinFieldsPage />
          </Match>
          <Match when={route().name === 'flow'}>
            <FlowPage />
          </Match>
          <Match when={route().name === 'places'}>
            <PlacesPage />
          </Match>
          <Match when={route().name === 'city-grant'}>
            <CityGrantPage />
          </Match>
        </Switch>
      </Suspense>
    </div>
  );
}
