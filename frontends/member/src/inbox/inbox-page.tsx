import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { locale } from '@tongxin/i18n';
import { renderNotice } from '@tongxin/i18n/notices';
import { ErrorNotice, Loading, createAction, describeError } from '@tongxin/ui';
import { SectionStyles } from '../parts/section-styles.tsx';
import { when } from '../parts/when.ts';
import { navigate, type Page } from '../route.ts';
import { m, type InboxMessageKey } from './messages.ts';
import { ReminderToggle } from './reminder-toggle.tsx';
import { AsOf, readKept } from '../shared/kept-read.tsx';

type Message = Awaited<ReturnType<typeof reporting.notifications.mine.query>>[number];

/** A message in the reader's language: its notice rendered, or an old message's stored title. */
const inWords = (message: Message) =>
  (message.notice ? renderNotice(locale(), message.notice, message.params) : null) ?? { title: message.title ?? '', detail: null };

/** Where a message's subject is shown in the member view, if anywhere. */
const pageOf: Record<string, Page> = { monthly_report: 'report', report: 'report', checkin: 'checkin', meeting: 'meetings', suggestion: 'suggestions', task_claim: 'tasks' };

/** The member's inbox: newest first, unread marked; reading one marks it read. */
export default function InboxPage(props: { onReadChanged: () => void }) {
  const [unreadOnly, setUnreadOnly] = createSignal(false);
  // The source is an object: a bare `false` would mean "do not fetch" to createResource.
  const [messages, { refetch }] = createResource(() => ({ unreadOnly: unreadOnly(), limit: 50 }), (input) => readKept(`inbox:${input.unreadOnly ? 'unread' : 'all'}`, () => reporting.notifications.mine.query(input)));
  const [said, setSaid] = createSignal('');
  // Marking read is naturally idempotent (a second call finds nothing unread): no key needed.
  const markAll = createAction(() => reporting.notifications.markAllRead.mutate());
  const markOne = createAction((ids: string[]) => reporting.notifications.markRead.mutate({ ids }));

  const kindLabel = (kind: string) => m(`kind.${kind}` as InboxMessageKey) ?? kind;

  async function readAll() {
    if (await markAll.run(undefined)) {
      setSaid(m('markedAll'));
      refetch();
      props.onReadChanged();
    }
  }

  async function read(message: Message, thenOpen?: Page) {
    if (!message.readAt && (await markOne.run([message.id]))) {
      refetch();
      props.onReadChanged();
    }
    if (thenOpen) navigate(thenOpen);
  }

  return (
    <section aria-labelledby="inbox-heading">
      <SectionStyles />
      <h2 id="inbox-heading">{m('title')}</h2>
      <AsOf name={`inbox:${unreadOnly() ? 'unread' : 'all'}`} />
      <p role="status">{said()}</p>
      <ReminderToggle />
      <div class="buttons" style={{ 'margin-bottom': '0.75rem' }}>
        <label class="choice" style={{ 'align-items': 'center' }}>
          <input type="checkbox" checked={unreadOnly()} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
          {m('unreadOnly')}
        </label>
        <button type="button" class="secondary" style={{ 'min-height': '3rem' }} disabled={markAll.pending()} aria-busy={markAll.pending()} onClick={readAll}>
          {markAll.pending() ? m('markingAll') : m('markAllRead')}
        </button>
      </div>
      <Show when={markAll.error() || markOne.error()}>
        {(error) => <ErrorNotice message={describeError(error())} />}
      </Show>
      <Switch>
        <Match when={messages.error}>
          <ErrorNotice message={describeError(messages.error)} onRetry={refetch} />
        </Match>
        <Match when={messages.latest}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p>{m('empty')}</p>}>
              <ul class="cards" aria-busy={messages.loading}>
                <For each={list()}>
                  {(message) => (
                    <li class="card" classList={{ unread: !message.readAt }}>
                      <p class="muted">
                        <Show when={!message.readAt}>
                          <span class="badge badge-wait">{m('unread')}</span>{' '}
                        </Show>
                        <Show when={message.official}>
                          <span class="badge badge-off">{m('official')}</span>{' '}
                        </Show>
                        {kindLabel(message.kind)} · {when(message.createdAt)}
                      </p>
                      <h3>{inWords(message).title}</h3>
                      <Show when={message.body}>
                        <p style={{ 'white-space': 'pre-wrap' }}>{message.body}</p>
                      </Show>
                      <Show when={inWords(message).detail}>{(detail) => <p>{detail()}</p>}</Show>
                      <div class="buttons" style={{ 'margin-top': '0.5rem' }}>
                        <Show when={message.subject && pageOf[message.subject.type]}>
                          {(target) => (
                            <button type="button" onClick={() => read(message, target())}>
                              {m('open')}
                            </button>
                          )}
                        </Show>
                        <Show when={!message.readAt}>
                          <button type="button" class="secondary" disabled={markOne.pending()} onClick={() => read(message)}>
                            {m('markRead')}
                          </button>
                        </Show>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
        <Match when={messages.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
