import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { format, t } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError, type RemoteAppProps } from '@tongxin/ui';

const pageSize = 20;

/** The members of the secretary's subtree, one page at a time (roster `members.list`). */
export default function SecretaryApp(_props: RemoteAppProps) {
  const [page, setPage] = createSignal(1);
  const [members, { refetch }] = createResource(page, (p) => roster.members.list.query({ page: p, pageSize }));
  const pages = () => Math.max(1, Math.ceil((members.latest?.total ?? 0) / pageSize));

  return (
    <section>
      <h1>{t('secretary.title')}</h1>
      <Switch>
        <Match when={members.error}>
          <ErrorNotice message={describeError(members.error)} onRetry={refetch} />
        </Match>
        <Match when={members.latest}>
          {(list) => (
            <Show when={list().total > 0} fallback={<p>{t('secretary.empty')}</p>}>
              <div class="table-scroll">
                <table aria-busy={members.loading}>
                  <caption>{t('secretary.caption', { total: format(list().total), page: format(list().page), pages: format(pages()) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('secretary.name')}</th>
                      <th scope="col">{t('secretary.branch')}</th>
                      <th scope="col">{t('secretary.status')}</th>
                      <th scope="col">{t('secretary.destinationCity')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list().items}>
                      {(member) => (
                        <tr>
                          <td>{member.name}</td>
                          <td>{member.branch}</td>
                          <td>{t(`status.${member.status}`)}</td>
                          <td>{member.destinationCity}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <nav class="pager" aria-label={t('secretary.pages')}>
                <button type="button" class="secondary" disabled={page() <= 1 || members.loading} onClick={() => setPage((p) => p - 1)}>
                  {t('secretary.previous')}
                </button>
                <button type="button" class="secondary" disabled={page() >= pages() || members.loading} onClick={() => setPage((p) => p + 1)}>
                  {t('secretary.next')}
                </button>
              </nav>
            </Show>
          )}
        </Match>
        <Match when={members.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
