import { For, Match, Show, Switch, createResource, onMount } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { fieldLabel, fieldValue } from './field-label.ts';
import { m, type HistoryMessageKey } from './history-messages.ts';
import { bigButton } from './touch.ts';

/** An action or role the dictionary does not know yet shows as the server sent it. */
const known = (prefix: 'action' | 'role', value: string) => m(`${prefix}.${value}` as HistoryMessageKey) ?? value;

/** The member's own versions, newest first, each as "工作单位：A → B". */
export default function LedgerHistory(props: { onBack: () => void }) {
  const [history, { refetch }] = createResource(() => roster.ledger.history.query({}));
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  return (
    <section aria-labelledby="ledger-history-heading">
      <h2 id="ledger-history-heading" tabindex="-1" ref={heading}>
        {m('historyTitle')}
      </h2>
      <Switch>
        <Match when={history.error}>
          <ErrorNotice message={describeError(history.error)} onRetry={refetch} />
        </Match>
        <Match when={history()}>
          {(versions) => (
            <Show when={versions().length > 0} fallback={<p>{m('historyEmpty')}</p>}>
              <ol style={{ 'list-style': 'none', padding: 0, margin: 0 }}>
                <For each={versions()}>
                  {(version) => (
                    <li style={{ padding: '0.75rem 0', 'border-bottom': '1px solid var(--color-border)' }}>
                      <h3 style={{ 'font-size': '1rem', margin: 0 }}>{known('action', version.action)}</h3>
                      <p style={{ margin: 0, color: 'var(--color-muted)' }}>
                        {m('changedBy', {
                          who: known('role', version.actorRole),
                          date: format(new Date(version.at), { dateStyle: 'medium', timeStyle: 'short' }),
                        })}
                      </p>
                      <Show when={version.changes.length > 0}>
                        <ul style={{ margin: '0.25rem 0 0', 'padding-left': '1.25rem', 'overflow-wrap': 'anywhere' }}>
                          <For each={version.changes}>
                            {(change) => (
                              <li>
                                {/* A field filled for the first time reads "工作单位：A", not "（空） → A". */}
                                <Show
                                  when={change.from !== null && change.from !== ''}
                                  fallback={m('set', { field: fieldLabel(change.field), to: fieldValue(change.field, change.to) })}
                                >
                                  {m('changed', { field: fieldLabel(change.field), from: fieldValue(change.field, change.from), to: fieldValue(change.field, change.to) })}
                                </Show>
                              </li>
                            )}
                          </For>
                        </ul>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          )}
        </Match>
        <Match when={history.loading}>
          <Loading />
        </Match>
      </Switch>
      <button type="button" class="secondary" style={{ ...bigButton, 'margin-top': '1rem' }} onClick={() => props.onBack()}>
        {m('back')}
      </button>
    </section>
  );
}
