import { TASK_KINDS, type TaskKind } from '@tongxin/ledger';
import { For, Show, createSignal, onCleanup } from 'solid-js';
import { tasks } from '@tongxin/api-client';
import { ResourceList } from '@tongxin/ui';
import { SectionStyles } from '../parts/section-styles.tsx';
import type { Profile } from '../profile.ts';
import { ClaimCard } from './claim-card.tsx';
import { m } from './messages.ts';
import { createStableList } from './stable-list.ts';
import { TaskCard } from './task-card.tsx';
import { kindLabel } from './task-facts.tsx';
import { TaskStyles } from './task-styles.tsx';
import { type Claim, type Task } from './task-types.ts';
import { AsOf, readKept } from '../shared/kept-read.tsx';
import { onWriteSettled } from '../shared/write-queue.ts';
import { createLinkedFocus } from '../shared/linked-item.ts';
import { param } from '../route.ts';

/** Claims that still ask something of the member first; finished ones last. */
const ORDER: Record<string, number> = { rejected: 0, active: 1, submitted: 2, approved: 3, withdrawn: 4 };
const finished = (claim: Claim) => claim.status === 'approved' || claim.status === 'withdrawn';

/** 任务: my claims (report done, answer a rejection, withdraw) and the tasks offered to me (claim). */
export default function TasksPage(props: { me?: Profile }) {
  const [kind, setKind] = createSignal<TaskKind | ''>('');
  const [myCity, setMyCity] = createSignal(false);
  const [said, setSaid] = createSignal('');
  const [offered, { refetch: refetchOffered }] = createStableList(
    () => ({ kind: kind() || undefined, myCity: myCity() || undefined }),
    // Offline: the lists kept from the last visit, marked with when (issue 18).
    (filter) => readKept(`tasks.forMe:${filter.kind ?? ''}:${filter.myCity ? 'city' : ''}`, () => tasks.tasks.forMe.query(filter)),
    'id',
  );
  const [claims, { refetch: refetchClaims }] = createStableList(() => true, () => readKept('claims.mine', () => tasks.claims.mine.query()), 'claimId');
  const sorted = () => [...(claims.latest ?? [])].sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9));
  const current = () => sorted().filter((claim) => !finished(claim));
  const past = () => sorted().filter(finished);
  // undefined while the offered tasks are being read; null when the task is not among them.
  const studyOf = (claim: Claim) => {
    const list = offered.state === 'ready' || offered.state === 'refreshing' ? offered.latest : undefined;
    return list && (list.find((task) => task.tenantId === claim.taskTenantId && task.id === claim.taskId)?.study ?? null);
  };
  // The offered list carries my claimed tasks too, with their status: a task closed since is said on its claim.
  const closedOf = (claim: Claim) =>
    (offered.latest ?? []).some((task) => task.tenantId === claim.taskTenantId && task.id === claim.taskId && task.status === 'closed');
  // The filter names the city of my ledger (the server filters by it); without one, "my city".
  const city = () => props.me?.destinationCity?.trim();
  // A task the member claimed shows under "my claims"; it stays in this list only when claimed
  // during this visit, where it says so in place.
  const [claimedHere, setClaimedHere] = createSignal<ReadonlySet<string>>(new Set());
  const keyOf = (task: Task) => `${task.tenantId}/${task.id}`;
  const offeredNow = () =>
    (offered.latest ?? []).filter((task) => !task.myClaim || task.myClaim.status === 'withdrawn' || claimedHere().has(keyOf(task)));
  const filtered = () => kind() !== '' || myCity();

  // A shared link's task (`?task=<tenant>/<id>`, issue 18): the member lands on its card.
  createLinkedFocus(() => (offered.latest?.length ?? 0) > 0 && param('task') && `task-${param('task')!.replace('/', '-')}`);
  // A claim or a completion the queue sent (or the server refused) since: read both lists again.
  onCleanup(onWriteSettled((write) => (write.kind === 'task.claim' || write.kind === 'task.complete') && changed()));

  function changed(message?: string) {
    if (message) setSaid(message);
    refetchClaims();
    refetchOffered();
  }

  return (
    <section aria-labelledby="tasks-heading">
      <SectionStyles />
      <TaskStyles />
      <h2 id="tasks-heading">{m('title')}</h2>
      <p class="muted">{m('intro')}</p>
      <p role="status">{said()}</p>

      <h3>{m('mine')}</h3>
      <AsOf name="claims.mine" />
      <ResourceList resource={claims} onRetry={refetchClaims} empty={m('noClaims')}>
        {() => (
          <>
            <Show when={current().length > 0}>
              <ul class="cards">
                <For each={current()}>{(claim) => <ClaimCard claim={claim} study={studyOf(claim)} closed={closedOf(claim)} onChanged={changed} />}</For>
              </ul>
            </Show>
            <Show when={past().length > 0}>
              <details style={{ 'margin-top': '0.5rem' }}>
                <summary>{m('finished', { count: past().length })}</summary>
                <ul class="cards">
                  <For each={past()}>{(claim) => <ClaimCard claim={claim} study={studyOf(claim)} closed={closedOf(claim)} onChanged={changed} />}</For>
                </ul>
              </details>
            </Show>
          </>
        )}
      </ResourceList>

      <h3>{m('forMe')}</h3>
      <div class="filters" role="group" aria-label={m('filters')}>
        <div class="field">
          <label for="task-kind">{m('kindFilter')}</label>
          <select id="task-kind" value={kind()} onChange={(event) => setKind(event.currentTarget.value as TaskKind | '')}>
            <option value="">{m('allKinds')}</option>
            <For each={TASK_KINDS}>{(value) => <option value={value}>{kindLabel(value)}</option>}</For>
          </select>
        </div>
        <label class="choice" style={{ 'align-items': 'center' }}>
          <input type="checkbox" checked={myCity()} onChange={(event) => setMyCity(event.currentTarget.checked)} />
          <span>{city() ? m('cityOnly', { city: city()! }) : m('myCity')}</span>
        </label>
      </div>
      <AsOf name={`tasks.forMe:${kind()}:${myCity() ? 'city' : ''}`} />
      <ResourceList resource={offered} onRetry={refetchOffered} empty={filtered() ? m('noTasksFiltered') : m('noTasks')}>
        {() => (
          <Show when={offeredNow().length > 0} fallback={<p>{filtered() ? m('noTasksFiltered') : m('noTasks')}</p>}>
            <ul class="cards" aria-busy={offered.loading}>
              <For each={offeredNow()}>
                {(task) => (
                  <TaskCard
                    task={task}
                    onClaimed={() => setClaimedHere((keys) => new Set(keys).add(keyOf(task)))}
                    onChanged={() => changed()}
                  />
                )}
              </For>
            </ul>
          </Show>
        )}
      </ResourceList>
    </section>
  );
}
