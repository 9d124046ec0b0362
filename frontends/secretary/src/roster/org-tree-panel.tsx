import { For, Show, createMemo, createSignal } from 'solid-js';
import { t } from '@tongxin/i18n';
import { m } from '../messages.ts';
import { buildOrgForest, pathTo, type OrgBranch } from './org-forest.ts';
import type { OrgNode, Staleness } from './roster-api.ts';
import { RouteLink } from '../app/route-link.tsx';
import { OrgTreeItem } from './org-tree-item.tsx';

/**
 * The org tree as navigation: choosing an org narrows the roster to its subtree. Each
 * branch shows its member count and the share of ledgers awaiting confirmation.
 * A failure here is not an alert: the roster's own notice speaks for the page.
 */
export function OrgTreePanel(props: {
  orgs: OrgNode[] | undefined;
  failed: boolean;
  staleness: Staleness | undefined;
  selected: string | undefined;
  onRetry: () => void;
}) {
  const forest = createMemo(() => buildOrgForest(props.orgs ?? []));
  const staleByBranch = createMemo(() => new Map((props.staleness?.branches ?? []).map((row) => [row.branchId, row])));
  const [opened, setOpened] = createSignal<Set<string>>(new Set());
  const isOpen = (branch: OrgBranch, depth: number) =>
    opened().has(branch.org.id) !== (depth === 0 || pathTo(props.orgs ?? [], props.selected).has(branch.org.id));
  const toggle = (id: string) =>
    setOpened((ids) => {
      const next = new Set(ids);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <details class="org-panel" open>
      <summary>{m('tree.title')}</summary>
      <nav aria-label={m('tree.title')}>
        <Show when={props.failed}>
          <p class="field-error">
            {m('tree.failed')}{' '}
            <button type="button" class="secondary" onClick={() => props.onRetry()}>
              {t('app.retry')}
            </button>
          </p>
        </Show>
        <ul class="org-tree">
          <li>
            <RouteLink to={{ name: 'roster', query: {} }} current={!props.selected}>
              {m('tree.all')}
            </RouteLink>
          </li>
          <For each={forest()}>
            {(branch) => (
              <OrgTreeItem branch={branch} depth={0} selected={props.selected} staleByBranch={staleByBranch()} isOpen={isOpen} onToggle={toggle} />
            )}
          </For>
        </ul>
      </nav>
    </details>
  );
}
