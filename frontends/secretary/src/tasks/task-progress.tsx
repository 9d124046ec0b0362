import { tasks } from '@tongxin/api-client';
import { For, Match, Show, Suspense, Switch, createResource } from 'solid-js';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { c } from '../shared/messages.ts';
import { createTenantNames } from '../shared/names.ts';
import { formatChinaTime } from '../shared/china-time.ts';
import { RouteLink } from '../app/route-link.tsx';
import { EvidencePhotos } from './evidence-photos.tsx';
import { t, word } from './messages.ts';
import { type ClaimStatus, type ManagedTask, type TaskClaim } from '../shared/tasks-api.ts';

const BADGE: Record<ClaimStatus, string> = { active: '', submitted: 'badge-warn', approved: 'badge-good', rejected: 'badge-bad', withdrawn: '' };

/** One task's claims and completions: who claimed, what they submitted, how it was decided. */
export function TaskProgressView(props: { taskId: string; onClose: () => void }) {
  const tenantName = createTenantNames();
  const [detail, { refetch }] = createResource(() => props.taskId, (taskId) => tasks.tasks.progress.query({ taskId }));
  // The heading appears once the task has loaded: focus it then (once), as a new page would.
  let focused = false;
  const heading = (el: HTMLHeadingElement) => {
    if (focused) return;
    focused = true;
    queueMicrotask(() => el.focus());
  };

  return (
    <section class="card" aria-labelledby="task-progress-title" style={{ 'margin-top': '1rem' }}>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Match when={detail.error}>
            <h2 id="task-progress-title" tabindex="-1" ref={heading}>{t('claims')}</h2>
            <ErrorNotice message={describeError(detail.error)} onRetry={refetch} />
          </Match>
          <Match when={detail.latest}>
            {(d) => (
              <>
                <h2 id="task-progress-title" tabindex="-1" ref={heading}>{t('progressTitle', { title: d().task.title })}</h2>
                <TaskFacts task={d().task} />
                <h3>{t('claims')}</h3>
                <Show when={d().claims.length > 0} fallback={<p>{t('noClaims')}</p>}>
                  <ul class="cards">
                    <For each={d().claims}>
                      {(claim) => (
                        <ClaimItem claim={claim} unit={d().task.target?.unit ?? null} county={claim.memberTenantId === d().task.tenantId ? null : tenantName(claim.memberTenantId)} />
                      )}
                    </For>
                  </ul>
                  <Show when={d().claims.some((claim) => claim.status === 'submitted')}>
                    <p><RouteLink to={{ name: 'completions' }}>{t('review')}</RouteLink></p>
                  </Show>
                </Show>
              </>
            )}
          </Match>
        </Switch>
      </Suspense>
      <div class="form-buttons" style={{ 'margin-top': '0.75rem' }}>
        <button type="button" class="secondary" onClick={refetch}>{c('refresh')}</button>
        <button type="button" class="secondary" onClick={() => props.onClose()}>{t('back')}</button>
      </div>
    </section>
  );
}

function TaskFacts(props: { task: ManagedTask }) {
  const task = () => props.task;
  const evidence = () =>
    [task().evidence.text && t('evidenceText'), task().evidence.number && t('evidenceNumber'), word('photo', task().evidence.photo)].filter(Boolean).join('、');
  return (
    <dl class="facts">
      <dt>{t('org')}</dt>
      <dd>{task().orgName}</dd>
      <dt>{t('kind')}</dt>
      <dd>{word('kind', task().kind)}</dd>
      <dt>{t('deadline')}</dt>
      <dd>{formatChinaTime(task().deadline)}</dd>
      <Show when={task().target}>
        {(target) => (
          <>
            <dt>{t('target')}</dt>
            <dd>{t('achieved', { achieved: format(task().progress.achieved), target: format(target().amount), unit: word('unit', target().unit) })}</dd>
          </>
        )}
      </Show>
      <dt>{t('quota')}</dt>
      <dd>
        {task().quota === null
          ? t('quotaUnlimited', { claimed: format(task().progress.claims) })
          : t('quotaOf', { claimed: format(task().progress.claims), quota: format(task().quota!) })}
      </dd>
      <dt>{t('visibility')}</dt>
      <dd>{word('visibility', task().visibility)}</dd>
      <dt>{t('points')}</dt>
      <dd>{format(task().points)}</dd>
      <dt>{t('evidence')}</dt>
      <dd>
        {evidence()}
        <Show when={task().evidence.photoReason}>（{task().evidence.photoReason}）</Show>
      </dd>
      <dt>{t('description')}</dt>
      <dd style={{ 'white-space': 'pre-wrap' }}>{task().description}</dd>
    </dl>
  );
}

function ClaimItem(props: { claim: TaskClaim; unit: string | null; county: string | null }) {
  const claim = () => props.claim;
  return (
    <li class="card">
      <h4 style={{ margin: 0 }}>{claim().memberName}</h4>
      {/* A flow organization's task reaches members checked in from another county. */}
      <Show when={props.county}>
        <p class="meta">{t('fromCounty', { county: props.county! })}</p>
      </Show>
      <p>
        <span class={`badge ${BADGE[claim().status]}`}>{word('claim', claim().status)}</span>{' '}
        <span class="meta">{t('claimedAt', { date: formatChinaTime(claim().claimedAt) })}</span>
      </p>
      <Show when={claim().completion}>
        {(done) => (
          <>
            <p class="meta">{t('submittedAt', { date: formatChinaTime(done().submittedAt) })}</p>
            <Show when={done().amount !== null}>
              <p>{t('amount')}：{format(done().amount!)} {word('unit', props.unit)}</p>
            </Show>
            <Show when={done().note}>
              <p class="quote">{done().note}</p>
            </Show>
            <EvidencePhotos photos={done().photos} memberName={claim().memberName} />
            <Show when={done().response}>
              <p>{t('response')}：</p>
              <p class="quote">{done().response}</p>
            </Show>
            <Show when={done().decision === 'rejected' && done().reason}>
              <p>{t('rejectReason')}：{done().reason}</p>
            </Show>
          </>
        )}
      </Show>
    </li>
  );
}
