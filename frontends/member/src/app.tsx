import { Match, Show, Switch, createResource } from 'solid-js';
import { errorKind, roster } from '@tongxin/api-client';
import { t } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError, type RemoteAppProps } from '@tongxin/ui';
import { LedgerPanel } from './ledger-panel.tsx';
import { ProfileFacts } from './profile-facts.tsx';

/** "My profile": the member's own record and information ledger (roster `members.me`). */
export default function MemberApp(_props: RemoteAppProps) {
  const [profile, { refetch }] = createResource(() => roster.members.me.query());

  return (
    <section>
      <h1>{t('member.title')}</h1>
      <Switch>
        {/* `latest`: a refetch after a save keeps the page in place instead of blanking it. */}
        <Match when={profile.latest}>
          {(me) => (
            <>
              <ProfileFacts me={me()} />
              <LedgerPanel me={me()} onChanged={refetch} />
            </>
          )}
        </Match>
        <Match when={profile.error}>
          <Show when={errorKind(profile.error) === 'NOT_FOUND'} fallback={<ErrorNotice message={describeError(profile.error)} onRetry={refetch} />}>
            <p>{t('member.notLinked')}</p>
          </Show>
        </Match>
        <Match when={profile.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
