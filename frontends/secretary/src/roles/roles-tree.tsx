import { For, Show } from 'solid-js';
import { t } from './messages.ts';
import { kindLabel, lacksSecretary, titleLabel, type OrgRoles, type RolesNode } from './roles-api.ts';

/** Nested lists (the nesting tells screen readers the depth), one row per org. */
export function RolesTree(props: { nodes: RolesNode[]; selectedId: string | null; onSelect: (orgId: string) => void }) {
  return (
    <ul>
      <For each={props.nodes}>
        {(node) => (
          <li>
            <OrgRow org={node.org} selected={props.selectedId === node.org.orgId} onSelect={props.onSelect} />
            <Show when={node.children.length > 0}>
              <RolesTree nodes={node.children} selectedId={props.selectedId} onSelect={props.onSelect} />
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

/** The org's name (a button that opens it), its kind, its holders, or the "no secretary" badge. */
export function OrgRow(props: { org: OrgRoles; selected: boolean; onSelect: (orgId: string) => void }) {
  return (
    <div class="org-row">
      <button type="button" class="secondary" aria-current={props.selected ? 'true' : undefined} onClick={() => props.onSelect(props.org.orgId)}>
        {props.org.orgName}
      </button>
      <p class="meta">
        <span>{kindLabel(props.org.kind)}</span>
        <For each={props.org.holders}>
          {(holder) => <span>{t('holder', { title: titleLabel(holder.title), name: holder.name })}</span>}
        </For>
        <Show when={lacksSecretary(props.org)}>
          <span class="badge badge-warn">{t('noSecretary')}</span>
        </Show>
      </p>
    </div>
  );
}
