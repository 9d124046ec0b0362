import { Match, Show, Switch, createResource } from 'solid-js';
import { errorKind, roster } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { m } from '../messages.ts';
import { ContactAttemptsList } from './contact-attempts-list.tsx';
import { HistoryList } from './history-list.tsx';
import { LedgerFacts } from './ledger-facts.tsx';
import { MemberActions } from './member-actions.tsx';
import { PersonalFacts } from './personal-facts.tsx';
import { RouteLink } from '../app/route-link.tsx';
import { settled } from './settled.ts';

/** One member: personal record, ledger with confirmation times, actions, history, contacts. */
export function MemberPage(props: { memberId: string }) {
  const [member, { refetch }] = createResource(() => props.memberId, (memberId) => roster.members.get.query({ memberId }));
  // The rest waits for the member: an id outside the caller's scope shows one message, no data.
  const [history, historyControl] = createResource(
    () => settled(member) && props.memberId,
    (memberId) => roster.ledger.history.query({ memberId }),
  );
  const [contacts, contactsControl] = createResource(
    () => settled(member) && props.memberId,
    (memberId) => roster.mobility.contactAttempts.query({ memberId }),
  );
  const reloadAll = () => {
    refetch();
    historyControl.refetch();
    contactsControl.refetch();
  };
  const hidden = () => ['NOT_FOUND', 'FORBIDDEN', 'BAD_REQUEST'].includes(errorKind(member.error));

  return (
    <section class="member-page">
      <p>
        <RouteLink to={{ name: 'roster', query: {} }}>{m('member.back')}</RouteLink>
      </p>
      {/* One heading for loading, failure and record: it keeps the focus given on arrival. */}
      <h1>{settled(member)?.name ?? m('member.title')}</h1>
      <Switch>
        <Match when={member.error}>
          <Show when={hidden()} fallback={<ErrorNotice message={describeError(member.error)} onRetry={refetch} />}>
            <ErrorNotice message={m('member.notFound')} />
          </Show>
        </Match>
        <Match when={member.latest}>
          {(record) => (
            <>
              <PersonalFacts member={record()} />
              <LedgerFacts member={record()} />
              <MemberActions member={record()} onChanged={reloadAll} />
              <HistoryList history={settled(history)} error={history.error} loading={history.loading} onRetry={historyControl.refetch} />
              <ContactAttemptsList contacts={settled(contacts)} error={contacts.error} onRetry={contactsControl.refetch} />
            </>
          )}
        </Match>
        <Match when={member.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
