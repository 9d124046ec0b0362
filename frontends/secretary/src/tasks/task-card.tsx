import { tasks } from '@tongxin/api-client';
import { Show } from 'solid-js';
import { format } from '@tongxin/i18n';
import { ErrorNotice, createAction } from '@tongxin/ui';
import { ShareButton, shareLabel, taskLink, taskShareText } from '@tongxin/ui/share-button';
import { formatChinaTime } from '../shared/china-time.ts';
import { failureText } from '../shared/field-message.ts';
import { t, word } from './messages.ts';
import { ProgressLine } from './progress-line.tsx';
import { type ManagedTask } from '../shared/tasks-api.ts';

const BADGE = { draft: 'badge-warn', published: 'badge-good', closed: '' } as const;

/** One task in the publisher's list: its promise, its progress, and what may be done next. */
export function TaskCard(props: { task: ManagedTask; onOpen: () => void; onEdit: () => void; onChanged: (said: string) => void }) {
  const task = () => props.task;
  const p = () => task().progress;
  const publishDraft = createAction((taskId: string) => tasks.tasks.publishDraft.mutate({ taskId }));
  const close = createAction((taskId: string) => tasks.tasks.close.mutate({ taskId }));
  const failure = () => publishDraft.error() ?? close.error();

  async function onPublish() {
    if (await publishDraft.run(task().id)) props.onChanged(t('publishedDone', { title: task().title }));
  }
  async function onClose() {
    if (!window.confirm(t('closeConfirm', { title: task().title }))) return;
    if (await close.run(task().id)) props.onChanged(t('closedDone', { title: task().title }));
  }
  // A published task still open for claims can be posted in the branch's WeChat group (issue 18).
  const shareable = () => task().status === 'published' && new Date(task().deadline) > new Date();
  const claimed = () =>
    task().quota === null
      ? t('quotaUnlimited', { claimed: format(p().claims) })
      : t('quotaOf', { claimed: format(p().claims), quota: format(task().quota!) });

  return (
    <li class="card" data-task={task().id}>
      <h2>{task().title}</h2>
      <p class="meta">
        {task().orgName} · {word('kind', task().kind)} · {t('deadlineAt', { date: formatChinaTime(task().deadline) })} · {t('pointsWorth', { points: task().points })}
      </p>
      <p>
        <span class={`badge ${BADGE[task().status]}`}>{word('status', task().status)}</span>
      </p>
      <Show when={task().systemNote}>
        {(note) => <p class="meta" role="note">{word('systemNote', note())}</p>}
      </Show>
      <ul class="numbers">
        <li>{claimed()}</li>
        <li>{t('submittedApproved', { submitted: format(p().submitted), approved: format(p().approved) })}</li>
      </ul>
      <Show
        when={task().target}
        fallback={<Show when={p().achieved > 0}><p>{t('achievedNoTarget', { achieved: format(p().achieved) })}</p></Show>}
      >
        {(target) => (
          <ProgressLine
            label={t('achievedLabel', { title: task().title })}
            value={p().achieved}
            max={target().amount}
            text={t('achieved', { achieved: format(p().achieved), target: format(target().amount), unit: word('unit', target().unit) })}
          />
        )}
      </Show>
      <div class="form-buttons">
        <button type="button" class="secondary" aria-label={t('openLabel', { title: task().title })} onClick={() => props.onOpen()}>
          {t('open')}
        </button>
        <Show when={task().status !== 'closed'}>
          <button type="button" class="secondary" data-action="edit" aria-label={t('editLabel', { title: task().title })} onClick={() => props.onEdit()}>
            {t('edit')}
          </button>
        </Show>
        <Show when={task().status === 'draft'}>
          <button type="button" aria-label={t('publishDraftLabel', { title: task().title })} disabled={publishDraft.pending()} onClick={onPublish}>
            {t('publishDraft')}
          </button>
        </Show>
        <Show when={task().status === 'published'}>
          <button type="button" class="secondary" aria-label={t('closeLabel', { title: task().title })} disabled={close.pending()} onClick={onClose}>
            {t('close')}
          </button>
        </Show>
      </div>
      <Show when={shareable()}>
        <div style={{ 'margin-top': '0.5rem' }}>
          <ShareButton id={`task-${task().id}`} label={shareLabel(task().title)} title={task().title} text={taskShareText(task())} url={taskLink(task().tenantId, task().id)} level={3} />
        </div>
      </Show>
      <Show when={failure()}>
        <ErrorNotice message={failureText(failure())} />
      </Show>
    </li>
  );
}
