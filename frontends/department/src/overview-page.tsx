import { For, Match, Show, Switch, createResource } from 'solid-js';
import { identity, roster } from '@tongxin/api-client';
import { format, t, type MessageKey } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { RouteLink } from './links.tsx';
import { m } from './messages.ts';
import { SETUP_STEPS } from './route.ts';

const figures = [
  ['members', 'department.members'],
  ['mobileMembers', 'department.mobileMembers'],
  ['branches', 'department.branches'],
  ['flowOrgs', 'department.flowOrgs'],
] as const satisfies readonly (readonly [string, MessageKey])[];

/** The county's headline counts (roster `orgs.counts`), and where its setup stands. */
export function OverviewPage() {
  const [counts, { refetch }] = createResource(() => roster.orgs.counts.query());
  const [setup] = createResource(() => identity.setup.get.query());
  const status = () => (setup.error ? undefined : setup());

  return (
    <section>
      <h1 id="overview-title">{t('department.title')}</h1>
      <Switch>
        <Match when={counts.error}>
          <ErrorNotice message={describeError(counts.error)} onRetry={refetch} />
        </Match>
        <Match when={counts()}>
          {(value) => (
            <ul class="counts" aria-labelledby="overview-title">
              <For each={figures}>
                {([field, label]) => (
                  <li>
                    <span class="count">{format(value()[field])}</span>
                    {t(label)}
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
        <Match when={counts.loading}>
          <Loading />
        </Match>
      </Switch>
      {/* The setup's state is a hint here, not the page: a failure to read it shows nothing. */}
      <Show when={status()}>
        {(current) => (
          <Show
            when={current().tenant.liveAt}
            fallback={
              <div class="notice notice-warn overview-status">
                <p>{m('overview.notLive', { done: format(current().steps.filter((step) => step !== 'live').length), total: format(SETUP_STEPS.length) })}</p>
                <p>
                  <RouteLink to={{ name: 'setup' }}>{m('overview.continue')}</RouteLink>
                </p>
              </div>
            }
          >
            {(liveAt) => <p class="overview-status">{m('overview.live', { date: format(new Date(liveAt())) })}</p>}
          </Show>
        )}
      </Show>
    </section>
  );
}
