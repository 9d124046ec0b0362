import { For, Match, Show, Switch, createMemo, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { m, type SecretaryMessageKey } from '../messages.ts';
import { describeChange, shownChange } from './describe-change.ts';
import { formatDate } from '../shared/format-date.ts';
import type { HistoryEntry } from './roster-api.ts';
import { settled } from './settled.ts';

const FIRST = 10;
const known = (prefix: string, value: string) => {
  const text = m(`${prefix}.${value}` as SecretaryMessageKey);
  return text === undefined ? value : text;
};

/** Who changed what and when, newest first, as "工作单位：A → B". */
export function HistoryList(props: { history: HistoryEntry[] | undefined; error: unknown; loading: boolean; onRetry: () => void }) {
  const [all, setAll] = createSignal(false);
  const shown = () => (all() ? props.history : props.history?.slice(0, FIRST)) ?? [];
  // A branch change names the branches (every open branch of the county; a closed one is "其他支部").
  const [branches] = createResource(() => roster.orgs.branches.query());
  const names = createMemo(() => new Map((settled(branches) ?? []).map((branch) => [branch.id, branch.name])));
  const branchName = (id: string) => names().get(id);
  return (
    <section aria-labelledby="member-history">
      <h2 id="member-history">{m('history.title')}</h2>
      <Switch>
        <Match when={props.error}>
          <ErrorNotice message={describeError(props.error)} onRetry={props.onRetry} />
        </Match>
        <Match when={props.history}>
          {(history) => (
            <Show when={history().length > 0} fallback={<p>{m('history.empty')}</p>}>
              <ol class="history" aria-busy={props.loading}>
                <For each={shown()}>
                  {(entry) => (
                    <li>
                      <p class="history-head">
                        {m('history.entry', { at: formatDate(entry.at, true), actor: known('actor', entry.actorRole), action: known('action', entry.action) })}
                      </p>
                      <Show when={entry.changes.some(shownChange)}>
                        <ul>
                          <For each={entry.changes.filter(shownChange)}>{(change) => <li>{describeChange(change, branchName)}</li>}</For>
                        </ul>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
              <Show when={!all() && history().length > FIRST}>
                <button type="button" class="secondary" onClick={() => setAll(true)}>
                  {m('history.showAll', { count: history().length })}
                </button>
              </Show>
            </Show>
          )}
        </Match>
        <Match when={props.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
