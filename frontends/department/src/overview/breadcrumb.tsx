import { For, Show } from 'solid-js';
import { RouteLink } from '../links.tsx';
import { m } from '../messages.ts';
import type { FiguresPage, FiguresQuery } from '../route.ts';
import type { TreeOrg } from './overview-api.ts';

/** The orgs from the county down to `org`, the county first. */
export function pathTo(org: TreeOrg | undefined, byId: ReadonlyMap<string, TreeOrg>): TreeOrg[] {
  const path: TreeOrg[] = [];
  for (let at = org; at && path.length < 16; at = at.parentId ? byId.get(at.parentId) : undefined) path.unshift(at);
  return path;
}

/** The way back up: each org above the one shown opens its own overview for the same month. */
export function Breadcrumb(props: { page: FiguresPage; path: readonly TreeOrg[]; query: FiguresQuery }) {
  const label = (org: TreeOrg, i: number) => (i === 0 ? m('crumb.county') : org.name);
  return (
    <Show when={props.path.length > 1}>
      <nav class="breadcrumb" aria-label={m('crumb.label')}>
        <ol>
          <For each={props.path}>
            {(org, i) => (
              <li>
                <Show when={i() < props.path.length - 1} fallback={<span aria-current="page">{label(org, i())}</span>}>
                  <RouteLink to={{ name: props.page, ...props.query, org: i() === 0 ? undefined : org.id }}>{label(org, i())}</RouteLink>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </nav>
    </Show>
  );
}
