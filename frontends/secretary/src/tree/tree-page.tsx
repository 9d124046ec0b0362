import { Match, Show, Suspense, Switch, createMemo, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { OrgImportSection } from '../excel/org-import-section.tsx';
import { t } from './messages.ts';
import { OrgDetails } from './org-details.tsx';
import { OrgTreeList } from './org-tree-list.tsx';
import { buildTree, subtreeMembers } from '../shared/org-types.ts';

/** The org tree the secretary manages: browse it, add, rename, move and close organizations. */
export default function TreePage() {
  const [includeClosed, setIncludeClosed] = createSignal(false);
  // An object source: a bare `false` would tell createResource not to fetch at all.
  const [orgs, { refetch }] = createResource(() => ({ includeClosed: includeClosed() }), (input) => roster.orgs.tree.query(input));
  const [selectedId, setSelectedId] = createSignal<string | null>(null);
  const nodes = createMemo(() => buildTree(orgs.latest ?? []));
  // A committee holds no member itself: it shows the members of its whole subtree.
  const totals = createMemo(() => subtreeMembers(orgs.latest ?? []));
  const selected = () => orgs.latest?.find((org) => org.id === selectedId());

  return (
    <section>
      <h1>{t('title')}</h1>
      {/* The department builds the tree from a spreadsheet too (issue 12); others do not see it. */}
      <OrgImportSection departmentName={orgs.latest?.find((org) => org.kind === 'department')?.name ?? ''} onImported={refetch} />
      <label style={{ display: 'flex', gap: '0.5rem', 'align-items': 'center', 'margin-bottom': '1rem' }}>
        <input type="checkbox" checked={includeClosed()} onChange={(event) => setIncludeClosed(event.currentTarget.checked)} />
        {t('includeClosed')}
      </label>
      {/* Its own boundary: a refetch must not blank the secretary's navigation around it. */}
      <Suspense fallback={<Loading />}>
      <Switch>
        <Match when={orgs.error}>
          <ErrorNotice message={describeError(orgs.error)} onRetry={refetch} />
        </Match>
        <Match when={orgs.latest}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p>{t('empty')}</p>}>
              <div style={{ display: 'flex', 'flex-wrap': 'wrap', gap: '1.5rem', 'align-items': 'flex-start' }}>
                <nav aria-label={t('treeLabel')} style={{ flex: '1 1 18rem', 'min-width': 0 }} aria-busy={orgs.loading}>
                  <OrgTreeList nodes={nodes()} totals={totals()} selectedId={selectedId()} onSelect={setSelectedId} />
                </nav>
                <div style={{ flex: '2 1 20rem', 'min-width': 0 }}>
                  <Show when={selected()} keyed fallback={<p>{t('selectHint')}</p>}>
                    {(org) => <OrgDetails org={org} orgs={list()} members={totals().get(org.id) ?? org.memberCount} onChanged={refetch} />}
                  </Show>
                </div>
              </div>
            </Show>
          )}
        </Match>
        <Match when={orgs.loading}>
          <Loading />
        </Match>
      </Switch>
      </Suspense>
    </section>
  );
}
