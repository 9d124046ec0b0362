import { For, Show, createResource, createSignal } from 'solid-js';
import { format } from '@tongxin/i18n';
import { ErrorNotice, ResourceList, describeError } from '@tongxin/ui';
import { periodInput, type Period } from './period-fields.tsx';
import { say, t } from './messages.ts';
import { scoringApi, type RankingLevel } from '../scoring-api.ts';

const FIRST = 30;

/** Organizations compared as organizations (brief, burden rules): points per member, ranked. */
export function OrgRankings(props: { period: Period; parentId?: string; version: number }) {
  // Only the levels the server lets this caller compare (within the picked org): a branch
  // secretary is not offered the townships, nor flow organizations where there are none.
  const [offered, offered$] = createResource(
    () => ({ parentId: props.parentId }),
    async ({ parentId }) => (await scoringApi.rankings.levels.query(parentId ? { parentId } : {})).levels,
  );
  const [chosen, setLevel] = createSignal<RankingLevel>('branch');
  const level = (): RankingLevel | undefined => {
    const levels = offered.error ? undefined : offered.latest;
    return levels?.includes(chosen()) ? chosen() : levels?.[0];
  };
  // Townships are compared across the county: a picked township is no parent for them.
  const input = () => {
    const current = level();
    return current ? { ...periodInput(props.period), level: current, parentId: current === 'township' ? undefined : props.parentId, version: props.version } : undefined;
  };
  const [rows, { refetch }] = createResource(input, ({ version: _version, ...query }) => scoringApi.rankings.orgs.query(query));
  const perMember = (value: number) => format(value, { maximumFractionDigits: 1 });
  // A county compares hundreds of branches: the first ones, and the rest on request.
  const [all, setAll] = createSignal(false);

  return (
    <section aria-labelledby="rankings-title">
      <h2 id="rankings-title">{t('rankingsTitle')}</h2>
      <p class="meta">{t('rankingsIntro')}</p>
      <Show when={offered.error}>
        <ErrorNotice message={describeError(offered.error)} onRetry={offered$.refetch} />
      </Show>
      <Show when={!offered.error && offered.latest?.length === 0}>
        <p>{t('rankingsEmpty')}</p>
      </Show>
      <Show when={level()}>
        {(current) => (
          <div class="toolbar">
            <div class="field">
              <label for="rankings-level">{t('level')}</label>
              <select id="rankings-level" value={current()} onChange={(event) => setLevel(event.currentTarget.value as RankingLevel)}>
                <For each={offered.latest ?? []}>{(l) => <option value={l}>{say('level', l)}</option>}</For>
              </select>
            </div>
          </div>
        )}
      </Show>
      <Show when={level()}>
        <ResourceList resource={rows} onRetry={refetch} empty={t('rankingsEmpty')}>
          {(orgs) => (
            <>
              <div class="table-scroll" tabindex="0" role="region" aria-label={t('rankingsTable')}>
                <table aria-busy={rows.loading}>
                  <thead>
                    <tr>
                      <th scope="col" class="num">{t('rank')}</th>
                      <th scope="col">{t('org')}</th>
                      <th scope="col" class="num">{t('perMember')}</th>
                      <th scope="col" class="num">{t('total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={all() ? orgs() : orgs().slice(0, FIRST)}>
                      {(org) => (
                        <tr>
                          <td class="num">{format(org.rank)}</td>
                          <th scope="row" class="wrap">
                            {org.orgName}
                            <span class="meta sub">{t('membersCount', { count: format(org.members) })}</span>
                          </th>
                          <td class="num">{perMember(org.perMember)}</td>
                          <td class="num">{format(org.points)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <Show when={!all() && orgs().length > FIRST}>
                <button type="button" class="secondary" style={{ 'margin-top': '0.5rem' }} onClick={() => setAll(true)}>
                  {t('showAllOrgs', { count: format(orgs().length) })}
                </button>
              </Show>
            </>
          )}
        </ResourceList>
      </Show>
    </section>
  );
}
