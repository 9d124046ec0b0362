import { For, Match, Show, Switch, createSignal, onMount, type Resource } from 'solid-js';
import { format } from '@tongxin/i18n';
import { Loading } from '@tongxin/ui';
import { withoutCode, type BranchAccounts } from './accounts-api.ts';
import { t } from './messages.ts';

/** Each branch's activation figures; a branch's name opens its members. */
export function BranchList(props: { branches: Resource<BranchAccounts[]>; returnTo: string | null; onOpen: (branchId: string) => void }) {
  const [filter, setFilter] = createSignal('');
  const [unfinished, setUnfinished] = createSignal(false);
  const all = () => (props.branches.error ? undefined : props.branches.latest);
  const shown = () =>
    (all() ?? []).filter(
      (branch) =>
        branch.branchName.includes(filter().trim()) && (!unfinished() || branch.activated < branch.members),
    );
  let list: HTMLUListElement | undefined;
  onMount(() => {
    if (!props.returnTo) return;
    list?.querySelector<HTMLButtonElement>(`[data-branch="${CSS.escape(props.returnTo)}"]`)?.focus();
  });

  return (
    <Switch>
      <Match when={all()}>
        {(branches) => (
          <Show when={branches().length > 0} fallback={<p>{t('branchesEmpty')}</p>}>
            <div class="toolbar">
              <div class="field">
                <label for="accounts-filter">{t('filter')}</label>
                <input id="accounts-filter" type="search" value={filter()} onInput={(event) => setFilter(event.currentTarget.value)} />
              </div>
              <label class="check">
                <input type="checkbox" checked={unfinished()} onChange={(event) => setUnfinished(event.currentTarget.checked)} />
                {t('onlyUnfinished')}
              </label>
            </div>
            <Show when={shown().length > 0} fallback={<p>{t('branchesNoMatch')}</p>}>
              <ul class="cards" ref={list} aria-label={t('branchesLabel')} aria-busy={props.branches.loading}>
                <For each={shown()}>
                  {(branch) => (
                    <li class="card">
                      <button type="button" class="secondary branch-open" data-branch={branch.branchId} onClick={() => props.onOpen(branch.branchId)}>
                        {branch.branchName}
                      </button>
                      <BranchFigures branch={branch} />
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Show>
        )}
      </Match>
      <Match when={props.branches.loading}>
        <Loading />
      </Match>
    </Switch>
  );
}

/** Activated of all, as a sentence and a bar; the other states as words (not colour alone). */
export function BranchFigures(props: { branch: BranchAccounts }) {
  const share = () => (props.branch.members > 0 ? props.branch.activated / props.branch.members : 0);
  return (
    <>
      <p>
        {t('scopeTotal', { activated: format(props.branch.activated), members: format(props.branch.members) })}
      </p>
      <div class="rate-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(share() * 100)}%` }} />
      </div>
      <p class="meta figures">
        <span>{t('count.pending', { count: format(props.branch.pending) })}</span>
        <span>{t('count.none', { count: format(withoutCode(props.branch)) })}</span>
        <Show when={props.branch.withoutPhone > 0} fallback={<span>{t('count.withoutPhone', { count: format(0) })}</span>}>
          <span class="badge badge-warn">{t('count.withoutPhone', { count: format(props.branch.withoutPhone) })}</span>
        </Show>
      </p>
    </>
  );
}
