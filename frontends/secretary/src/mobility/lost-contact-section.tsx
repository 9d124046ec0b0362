import { For, Match, Show, Suspense, Switch, createResource } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { m } from '../messages.ts';
import { formatDate } from '../shared/format-date.ts';
import { CountTable } from './count-table.tsx';
import { t } from './messages.ts';
import { RegistersExport } from './registers-export.tsx';

/** The lost-contact register with counts per township and branch (brief "Lost contact"). */
export function LostContactSection() {
  const [lost, { refetch }] = createResource(() => roster.mobility.lostContact.query({}));
  // The register's reason codes are named once, in the roster dictionary.
  const reason = (code: number | null) => (code ? m(`reason.${code}` as Parameters<typeof m>[0]) : '');

  return (
    <section aria-labelledby="lost-heading">
      <h2 id="lost-heading">{t('lostTitle')}</h2>
      <p>{t('lostIntro')}</p>
      <RegistersExport />
      <Suspense fallback={<Loading />}>
        <Switch>
          <Match when={lost.error}>
            <ErrorNotice message={describeError(lost.error)} onRetry={refetch} />
          </Match>
          <Match when={lost()}>
            {(register) => (
              <Show when={register().members.length > 0} fallback={<p>{t('lostEmpty')}</p>}>
                <CountTable caption={t('byTownship')} nameHeader={t('township')} rows={register().byTownship.map((g) => ({ name: g.township ?? t('noTownship'), count: g.count }))} />
                <CountTable caption={t('byBranch')} nameHeader={t('branch')} rows={register().byBranch.map((g) => ({ name: g.branch, count: g.count }))} />
                <div class="table-scroll">
                  <table>
                    <caption>{t('lostTitle')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('name')}</th>
                        <th scope="col">{t('branch')}</th>
                        <th scope="col">{t('since')}</th>
                        <th scope="col">{t('reason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={register().members}>
                        {(member) => (
                          <tr>
                            <td>{member.name}</td>
                            <td>{member.branch}</td>
                            <td>{formatDate(member.since)}</td>
                            <td>{reason(member.reason)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            )}
          </Match>
        </Switch>
      </Suspense>
    </section>
  );
}
