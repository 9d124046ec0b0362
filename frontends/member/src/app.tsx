import { Match, Show, Switch, createResource } from 'solid-js';
import { errorKind, roster } from '@tongxin/api-client';
import { t } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError, type RemoteAppProps } from '@tongxin/ui';

/** "My profile": the member's own roster record (roster `members.me`). */
export default function MemberApp(_props: RemoteAppProps) {
  const [profile, { refetch }] = createResource(() => roster.members.me.query());

  return (
    <section>
      <h1>{t('member.title')}</h1>
      <Switch>
        <Match when={profile.error}>
          <Show when={errorKind(profile.error) === 'NOT_FOUND'} fallback={<ErrorNotice message={describeError(profile.error)} onRetry={refetch} />}>
            <p>{t('member.notLinked')}</p>
          </Show>
        </Match>
        <Match when={profile()}>
          {(me) => (
            <dl class="facts">
              <dt>{t('member.name')}</dt>
              <dd>{me().name}</dd>
              <dt>{t('member.branch')}</dt>
              <dd>{me().branch}</dd>
              <Show when={me().township}>
                <dt>{t('member.township')}</dt>
                <dd>{me().township}</dd>
              </Show>
              <dt>{t('member.status')}</dt>
              <dd>{t(`status.${me().status}`)}</dd>
              <Show when={me().destinationCity}>
                <dt>{t('member.destinationCity')}</dt>
                <dd>{me().destinationCity}</dd>
              </Show>
            </dl>
          )}
        </Match>
        <Match when={profile.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
