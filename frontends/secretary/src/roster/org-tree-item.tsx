import { For, Show } from 'solid-js';
import { format } from '@tongxin/i18n';
import { m } from '../messages.ts';
import type { OrgBranch } from './org-forest.ts';
import type { Staleness } from './roster-api.ts';
import { RouteLink } from '../app/route-link.tsx';
import { percent } from './staleness-summary.tsx';

type BranchStaleness = Staleness['branches'][number];

export function OrgTreeItem(props: {
  branch: OrgBranch;
  depth: number;
  selected: string | undefined;
  staleByBranch: Map<string, BranchStaleness>;
  isOpen: (branch: OrgBranch, depth: number) => boolean;
  onToggle: (id: string) => void;
}) {
  const org = () => props.branch.org;
  const stale = () => props.staleByBranch.get(org().id);
  const open = () => props.isOpen(props.branch, props.depth);
  return (
    <li>
      <div class="org-row">
        <Show when={props.branch.children.length > 0} fallback={<span class="org-toggle-space" />}>
          <button
            type="button"
            class="org-toggle secondary"
            aria-expanded={open()}
            aria-label={m('tree.toggle', { name: org().name })}
            onClick={() => props.onToggle(org().id)}
          >
            {open() ? '−' : '+'}
          </button>
        </Show>
        <RouteLink to={{ name: 'roster', query: { orgId: org().id } }} current={props.selected === org().id}>
          {org().name}
        </RouteLink>
        <span class="org-meta">
          {m('tree.members', { members: format(props.branch.subtreeMembers) })}
          <Show when={stale()}>
            {(row) => (
              <Show when={row().stale > 0}>
                {' · '}
                <span class="badge badge-warn">{m('tree.staleShare', { share: percent(row().share) })}</span>
              </Show>
            )}
          </Show>
          <Show when={org().closedAt}>
            {' · '}
            {m('tree.closed')}
          </Show>
        </span>
      </div>
      <Show when={props.branch.children.length > 0 && open()}>
        <ul>
          <For each={props.branch.children}>
            {(child) => (
              <OrgTreeItem
                branch={child}
                depth={props.depth + 1}
                selected={props.selected}
                staleByBranch={props.staleByBranch}
                isOpen={props.isOpen}
                onToggle={props.onToggle}
              />
            )}
          </For>
        </ul>
      </Show>
    </li>
  );
}
