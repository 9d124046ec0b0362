import { For, Match, Show, Suspense, Switch, createResource } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { changeSummary } from './change-summary.ts';
import { t, type TreeMessageKey } from './messages.ts';
import type { TreeOrg } from '../shared/org-types.ts';

const FIELD_LABELS: Record<string, TreeMessageKey> = { name: 'name', parent: 'parent', place: 'place', province: 'province', city: 'city', address: 'address' };

/** Who changed the org, when, and how (org_changes). */
export function OrgHistory(props: { orgId: string; orgs: readonly TreeOrg[] }) {
  const label = (field: string) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]!) : field);
  const [history, { refetch }] = createResource(() => props.orgId, (orgId) => roster.orgs.history.query({ orgId }));

  return (
    <section aria-labelledby="org-history-heading">
      <h3 id="org-history-heading">{t('history')}</h3>
      <Suspense fallback={<Loading />}>
      <Switch>
        <Match when={history.error}>
          <ErrorNotice message={describeError(history.error)} onRetry={refetch} />
        </Match>
        <Match when={history()}>
          {(changes) => (
            <Show when={changes().length > 0} fallback={<p>{t('historyEmpty')}</p>}>
              <ol>
                <For each={changes()}>
                  {(change) => (
                    <li>
                      {format(new Date(change.at), { dateStyle: 'medium', timeStyle: 'short' })} · {t(`action.${change.action}` as TreeMessageKey) ?? change.action}
                      <For each={changeSummary(change, props.orgs, label)}>{(line) => <div>{line}</div>}</For>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          )}
        </Match>
        <Match when={history.loading}>
          <Loading />
        </Match>
      </Switch>
      </Suspense>
    </section>
  );
}
