import { For, Match, Switch, createResource } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { format, t, type MessageKey } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError, type RemoteAppProps } from '@tongxin/ui';

const figures = [
  ['members', 'department.members'],
  ['mobileMembers', 'department.mobileMembers'],
  ['branches', 'department.branches'],
  ['flowOrgs', 'department.flowOrgs'],
] as const satisfies readonly (readonly [string, MessageKey])[];

/** The county's headline counts (roster `orgs.counts`). */
export default function DepartmentApp(_props: RemoteAppProps) {
  const [counts, { refetch }] = createResource(() => roster.orgs.counts.query());

  return (
    <section>
      <h1>{t('department.title')}</h1>
      <Switch>
        <Match when={counts.error}>
          <ErrorNotice message={describeError(counts.error)} onRetry={refetch} />
        </Match>
        <Match when={counts()}>
          {(value) => (
            <ul class="counts">
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
    </section>
  );
}
