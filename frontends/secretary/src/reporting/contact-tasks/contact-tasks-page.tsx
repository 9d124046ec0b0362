import { For, Show, createResource, createSignal } from 'solid-js';
import { identity, reporting } from '@tongxin/api-client';
import { ResourceList } from '@tongxin/ui';
import { c } from '../../shared/messages.ts';
import { createOrgNames } from '../../shared/names.ts';
import { ReportingStyles } from '../../shared/reporting-styles.tsx';
import { ContactTaskCard } from './contact-task-card.tsx';
import { EscalationSettings } from './escalation-settings.tsx';
import { t } from './messages.ts';

type Status = 'open' | 'done';

/** The ladder's contact tasks for secretaries; the department also sets the ladder's days. */
export default function ContactTasksPage() {
  const [status, setStatus] = createSignal<Status | ''>('open');
  const [tasks, { refetch }] = createResource(status, (s) => reporting.escalation.contactTasks.query(s ? { status: s } : {}));
  const [me] = createResource(() => identity.auth.me.query());
  const isDepartment = () => !me.error && (me()?.roles ?? []).some((grant) => grant.role === 'department');
  const orgName = createOrgNames();
  const [said, setSaid] = createSignal('');

  return (
    <section class="reporting">
      <ReportingStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div class="toolbar">
        <div class="field">
          <label for="contact-status">{c('status')}</label>
          <select id="contact-status" value={status()} onChange={(event) => setStatus(event.currentTarget.value as Status | '')}>
            <option value="">{c('anyStatus')}</option>
            <option value="open">{t('status.open')}</option>
            <option value="done">{t('status.done')}</option>
          </select>
        </div>
      </div>
      <p role="status">{said()}</p>
      <ResourceList resource={tasks} onRetry={refetch} empty={t('empty')}>
        {(rows) => (
          <ul class="cards" aria-busy={tasks.loading}>
            <For each={rows()}>
              {(task) => (
                <ContactTaskCard
                  task={task}
                  branch={task.branchId ? orgName(task.branchId) : ''}
                  onDone={(text) => {
                    setSaid(text);
                    refetch();
                  }}
                />
              )}
            </For>
          </ul>
        )}
      </ResourceList>
      <Show when={isDepartment()}>
        <EscalationSettings />
      </Show>
    </section>
  );
}
