import { For, Match, Show, Switch } from 'solid-js';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { m, type SecretaryMessageKey } from '../messages.ts';
import { formatDate } from '../shared/format-date.ts';
import type { ContactAttempts } from './roster-api.ts';

/** The tries to reach the member, newest first, and how many failed since the last success. */
export function ContactAttemptsList(props: { contacts: ContactAttempts | undefined; error: unknown; onRetry: () => void }) {
  return (
    <section aria-labelledby="member-contacts">
      <h2 id="member-contacts">{m('contact.title')}</h2>
      <Switch fallback={<Loading />}>
        <Match when={props.error}>
          <ErrorNotice message={describeError(props.error)} onRetry={props.onRetry} />
        </Match>
        <Match when={props.contacts}>
          {(contacts) => (
            <>
              <Show when={contacts().failedSinceLastReached > 0}>
                <p>{m('contact.failedSince', { count: contacts().failedSinceLastReached })}</p>
              </Show>
              <Show when={contacts().attempts.length > 0} fallback={<p>{m('contact.empty')}</p>}>
                <ul class="history">
                  <For each={contacts().attempts}>
                    {(attempt) => (
                      <li>
                        {m('contact.entry', {
                          date: formatDate(attempt.attemptedOn),
                          channel: m(`channel.${attempt.channel}` as SecretaryMessageKey),
                          result: m(`result.${attempt.result}` as SecretaryMessageKey),
                        })}
                        <Show when={attempt.note}>
                          {' — '}
                          {attempt.note}
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
