import { Show } from 'solid-js';
import { OrgSelect } from '../shared/org-select.tsx';
import type { TreeOrg } from '../shared/org-options.ts';
import { t } from './messages.ts';

/** The committee whose register or letters the page shows: a choice only when the caller holds several. */
export function CommitteeSelect(props: { id: string; committees: readonly TreeOrg[]; value: string; onChange: (id: string) => void }) {
  return (
    <Show when={props.committees.length > 1} fallback={<p><strong>{t('committee')}</strong>：{props.committees[0]?.name}</p>}>
      <OrgSelect id={props.id} label={t('committee')} orgs={props.committees} value={props.value} onChange={props.onChange} />
    </Show>
  );
}
