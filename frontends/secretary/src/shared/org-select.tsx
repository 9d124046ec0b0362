import { For } from 'solid-js';
import { c, type SharedMessageKey } from './messages.ts';
import { buildTree, flatten, type TreeOrg } from './org-types.ts';

/** A labelled <select> of organizations, indented by depth (the tree, keyboard-usable). */
export function OrgSelect(props: {
  id: string;
  label: string;
  orgs: readonly TreeOrg[];
  value: string;
  onChange: (id: string) => void;
  filter?: (org: TreeOrg) => boolean;
  invalid?: boolean;
  /** The first option's text (no org chosen). */
  emptyLabel?: string;
}) {
  const options = () => flatten(buildTree(props.orgs)).filter((node) => !props.filter || props.filter(node.org));
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} aria-invalid={props.invalid ? 'true' : undefined} onChange={(event) => props.onChange(event.currentTarget.value)}>
        <option value="">{props.emptyLabel ?? c('choose')}</option>
        <For each={options()}>
          {(node) => (
            <option value={node.org.id}>
              {'\u3000'.repeat(node.depth)}
              {node.org.name}（{c(`kind.${node.org.kind}` as SharedMessageKey)}）
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
