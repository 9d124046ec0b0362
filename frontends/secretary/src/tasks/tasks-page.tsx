import { For, Show, createResource, createSignal } from 'solid-js';
import { identity, tasks } from '@tongxin/api-client';
import { ErrorNotice, ResourceList, describeError } from '@tongxin/ui';
import { loadOrgs } from '../shared/org-options.ts';
import { ReportingStyles } from '../shared/reporting-styles.tsx';
import { t, word } from './messages.ts';
import { PublishTaskForm } from './publish-task-form.tsx';
import { TaskCard } from './task-card.tsx';
import { TaskProgressView } from './task-progress.tsx';
import { CardStyles } from '../shared/card-styles.tsx';
import { type ManagedTask, type TaskStatus } from '../shared/tasks-api.ts';

const STATUSES: TaskStatus[] = ['published', 'draft', 'closed'];

/** 任务 (一领): publish tasks for the caller's orgs, follow their claims and completions. */
export default function TasksPage() {
  const [status, setStatus] = createSignal<TaskStatus | ''>('');
  const [list, { refetch }] = createResource(status, (s) => tasks.tasks.manage.query(s ? { status: s } : {}));
  const [orgs, orgs$] = createResource(loadOrgs);
  const [me] = createResource(() => identity.auth.me.query());
  const isDepartment = () => !me.error && (me()?.roles ?? []).some((grant) => grant.role === 'department');
  // A secretary publishes for an org they hold (not the orgs below it); the department for any org.
  const publishers = () => {
    const all = orgs.error ? undefined : orgs();
    if (!all || me.loading) return undefined;
    if (isDepartment()) return all;
    const held = new Set((me()?.roles ?? []).flatMap((grant) => (grant.role === 'secretary' ? [grant.orgId] : [])));
    return all.filter((org) => held.has(org.id));
  };
  const [publishing, setPublishing] = createSignal(false);
  const [openId, setOpenId] = createSignal<string | null>(null);
  // The task being edited, as it was listed: the edit expects that version.
  const [editing, setEditing] = createSignal<ManagedTask | null>(null);
  const [said, setSaid] = createSignal('');
  // Back where the secretary was: a button of the task's card.
  const focusCard = (id: string, selector: string) =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-task="${id}"] ${selector}`)?.focus());

  function startEditing(task: ManagedTask) {
    setPublishing(false);
    setSaid('');
    setEditing(task);
  }
  async function stopEditing(id: string, text: string | null) {
    setEditing(null);
    if (text !== null) {
      setSaid(text);
      await refetch();
    }
    focusCard(id, '[data-action="edit"]');
  }
  /** Someone else saved the task meanwhile: edit the version the server has now. */
  async function reloadEditing(id: string) {
    const rows = await refetch();
    const fresh = rows?.find((task) => task.id === id);
    if (fresh && fresh.status !== 'closed') setEditing(fresh);
    else {
      setEditing(null);
      setSaid(t('editGone'));
    }
  }

  return (
    <section class="reporting">
      <ReportingStyles />
      <CardStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div class="toolbar">
        <div class="field">
          <label for="tasks-status">{t('status')}</label>
          <select id="tasks-status" value={status()} onChange={(event) => setStatus(event.currentTarget.value as TaskStatus | '')}>
            <option value="">{t('anyStatus')}</option>
            <For each={STATUSES}>{(s) => <option value={s}>{word('status', s)}</option>}</For>
          </select>
        </div>
        <Show when={!publishing() && !editing()}>
          <button type="button" onClick={() => { setPublishing(true); setSaid(''); }}>{t('publish')}</button>
        </Show>
      </div>
      <p role="status">{said()}</p>
      <Show when={publishing()}>
        <Show when={orgs.error}>
          <ErrorNotice message={describeError(orgs.error)} onRetry={orgs$.refetch} />
        </Show>
        <Show when={publishers()} keyed>
          {(loaded) => (
            <PublishTaskForm
              orgs={loaded}
              department={isDepartment()}
              onCancel={() => setPublishing(false)}
              onDone={(text) => {
                setPublishing(false);
                setSaid(text);
                refetch();
              }}
            />
          )}
        </Show>
      </Show>
      <Show when={openId()} keyed>
        {(id) => (
          <TaskProgressView
            taskId={id}
            onClose={() => {
              setOpenId(null);
              focusCard(id, 'button');
            }}
          />
        )}
      </Show>
      <Show when={editing()} keyed>
        {(task) => (
          <PublishTaskForm
            task={task}
            onCancel={() => void stopEditing(task.id, null)}
            onDone={(text) => void stopEditing(task.id, text)}
            onReload={() => void reloadEditing(task.id)}
          />
        )}
      </Show>
      <Show when={!openId() && !editing()}>
        <ResourceList resource={list} onRetry={refetch} empty={t('empty')}>
          {(rows) => (
            <ul class="cards" aria-busy={list.loading} style={{ 'margin-top': '1rem' }}>
              <For each={rows()}>
                {(task) => (
                  <TaskCard
                    task={task}
                    onOpen={() => setOpenId(task.id)}
                    onEdit={() => startEditing(task)}
                    onChanged={(text) => {
                      setSaid(text);
                      refetch();
                    }}
                  />
                )}
              </For>
            </ul>
          )}
        </ResourceList>
      </Show>
    </section>
  );
}
