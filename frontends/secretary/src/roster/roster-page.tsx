import { Match, Show, Switch, createResource } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { t } from '@tongxin/i18n';
import { ErrorNotice, Loading } from '@tongxin/ui';
import { describeRosterError } from './describe-roster-error.ts';
import { OrgTreePanel } from './org-tree-panel.tsx';
import { Pager } from './pager.tsx';
import { RosterFilters } from './roster-filters.tsx';
import { RosterTable } from './roster-table.tsx';
import { PAGE_SIZE } from './roster-api.ts';
import { navigate, type RosterQuery } from '../app/route.ts';
import { settled } from './settled.ts';
import { StalenessSummary } from './staleness-summary.tsx';

/**
 * The members of the secretary's subtree: server paging (the county has up to 10,000), the
 * previous page stays on screen while the next one loads, filters live in the URL.
 */
export function RosterPage(props: { query: RosterQuery }) {
  const listInput = () => ({ ...props.query, page: props.query.page ?? 1, pageSize: PAGE_SIZE });
  const [members, { refetch }] = createResource(listInput, (input) => roster.members.list.query(input));
  const [orgs, orgsControl] = createResource(() => roster.orgs.tree.query({}));
  const [staleness, stalenessControl] = createResource(
    () => props.query.orgId ?? '',
    (orgId) => roster.members.staleness.query({ orgId: orgId || undefined }),
  );

  const retryAll = () => {
    refetch();
    if (orgs.error) orgsControl.refetch();
    if (staleness.error) stalenessControl.refetch();
  };
  /** Filters replace the current history entry; choosing an org or a page adds one. */
  const change = (patch: Partial<RosterQuery>, options?: { replace?: boolean }) =>
    navigate({ name: 'roster', query: { ...props.query, page: undefined, ...patch } }, options);

  return (
    <section class="roster">
      <h1>{t('secretary.title')}</h1>
      <div class="roster-layout">
        <OrgTreePanel
          orgs={settled(orgs)}
          failed={!!orgs.error && !members.error}
          staleness={settled(staleness)}
          selected={props.query.orgId}
          onRetry={() => orgsControl.refetch()}
        />
        <div class="roster-main">
          <RosterFilters query={props.query} onChange={change} />
          <Show when={settled(staleness)}>{(summary) => <StalenessSummary total={summary().total} />}</Show>
          <Switch>
            <Match when={members.error}>
              <ErrorNotice message={describeRosterError(members.error)} onRetry={retryAll} />
            </Match>
            <Match when={members.latest}>
              {(list) => (
                <>
                  <RosterTable list={list()} busy={members.loading} filtered={hasFilter(props.query)} />
                  <Show when={list().total > 0}>
                    <Pager
                      page={list().page}
                      pages={Math.max(1, Math.ceil(list().total / PAGE_SIZE))}
                      busy={members.loading}
                      onPage={(page) => change({ page })}
                    />
                  </Show>
                </>
              )}
            </Match>
            <Match when={members.loading}>
              <Loading />
            </Match>
          </Switch>
        </div>
      </div>
    </section>
  );
}

function hasFilter(query: RosterQuery) {
  return !!(query.orgId || query.search || query.status || query.destinationCity || query.stale || query.lostContact || query.away || query.checkedIn || query.noContactMonths);
}
