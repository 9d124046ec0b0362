import { For, Show } from 'solid-js';
import { format } from '@tongxin/i18n';
import { c, type SharedMessageKey } from '../shared/messages.ts';
import { t } from './messages.ts';
import type { OrgNode } from '../shared/org-types.ts';

/** Nested lists of org buttons: the list structure tells screen readers the depth. */
export function OrgTreeList(props: { nodes: OrgNode[]; totals: Map<string, number>; selectedId: string | null; onSelect: (id: string) => void }) {
  const members = (node: OrgNode) => props.totals.get(node.org.id) ?? node.org.memberCount;
  return (
    <ul style={{ 'list-style': 'none', margin: 0, 'padding-left': '1rem' }}>
      <For each={props.nodes}>
        {(node) => (
          <li>
            <button
              type="button"
              class="secondary"
              aria-current={props.selectedId === node.org.id ? 'true' : undefined}
              style={{
                margin: '0.15rem 0', 'text-align': 'left', width: '100%',
                'font-weight': props.selectedId === node.org.id ? 700 : 400,
                'text-decoration': node.org.closedAt ? 'line-through' : 'none',
              }}
              onClick={() => props.onSelect(node.org.id)}
            >
              {node.org.name}
              <span style={{ color: 'var(--color-muted)', 'font-size': '0.9rem' }}>
                {' · '}
                {c(`kind.${node.org.kind}` as SharedMessageKey)}
                <Show when={members(node) > 0}>
                  {' · '}
                  {t('members', { count: format(members(node)) })}
                </Show>
                <Show when={node.org.closedAt}>
                  {' · '}
                  {t('closed')}
                </Show>
              </span>
            </button>
            <Show when={node.children.length > 0}>
              <OrgTreeList nodes={node.children} totals={props.totals} selectedId={props.selectedId} onSelect={props.onSelect} />
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
