import { Show } from 'solid-js';
import type { TreeOrg } from '../shared/org-options.ts';
import { OrgSelect } from '../shared/org-select.tsx';
import { t, word } from './messages.ts';
import { FieldError, useFieldProblems } from './task-form-parts.tsx';
import type { ManagedTask } from '../shared/tasks-api.ts';

/**
 * Who publishes: chosen when publishing; fixed once published, so an edit shows it and says
 * that members who already claimed keep what they were promised.
 */
export function PublisherFields(props: {
  editing: ManagedTask | undefined;
  taken: number;
  orgs: readonly TreeOrg[];
  orgId: string;
  onOrg: (orgId: string) => void;
}) {
  const { errorOf } = useFieldProblems();
  return (
    <Show
      when={props.editing}
      fallback={
        <>
          <OrgSelect id="task-orgId" label={t('org')} orgs={props.orgs} value={props.orgId} invalid={!!errorOf('orgId')} onChange={(id) => props.onOrg(id)} />
          <FieldError name="orgId" />
        </>
      }
    >
      {(task) => (
        <>
          <Show when={props.taken > 0}>
            <div id="task-claims-kept" class="notice notice-info">
              <p>{t('claimsKept', { n: props.taken })}</p>
            </div>
          </Show>
          <dl class="facts">
            <dt>{t('org')}</dt>
            <dd>{task().orgName}</dd>
            <dt>{t('visibility')}</dt>
            <dd>{word('visibility', task().visibility)}</dd>
          </dl>
          <p class="meta">{t('fixedTerms')}</p>
        </>
      )}
    </Show>
  );
}
