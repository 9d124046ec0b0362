import { For, Show, createResource, createSignal } from 'solid-js';
import { format } from '@tongxin/i18n';
import { ResourceList } from '@tongxin/ui';
import { periodInput, type Period } from './period-fields.tsx';
import { t } from './messages.ts';
import { scoringApi, type MemberPoints } from '../scoring-api.ts';

const FIRST = 30;

/**
 * The caller's members with their points for the period (a secretary sees their members;
 * brief, burden rules). No rank column: individuals are not placed against each other.
 */
export function MemberPointsTable(props: { orgId: string; period: Period; version: number; onOpen: (member: MemberPoints) => void }) {
  const input = () => ({ ...periodInput(props.period), orgId: props.orgId || undefined, version: props.version });
  const [rows, { refetch }] = createResource(input, ({ version: _version, ...query }) => scoringApi.points.members.query(query));
  // A township has hundreds of members: the first ones, and the rest on request.
  const [all, setAll] = createSignal(false);
  return (
    <section aria-labelledby="points-members-title">
      <h2 id="points-members-title">{t('membersTitle')}</h2>
      <ResourceList resource={rows} onRetry={refetch} empty={t('membersEmpty')}>
        {(members) => (
          <>
            <div class="table-scroll" tabindex="0" role="region" aria-label={t('membersTable')}>
              <table aria-busy={rows.loading}>
                <thead>
                  <tr>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('branch')}</th>
                    <th scope="col" class="num">{t('points')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={all() ? members() : members().slice(0, FIRST)}>
                    {(member) => (
                      <tr data-member={member.memberId}>
                        <th scope="row">
                          {/* The name opens the entries: the table stays three columns wide on a phone. */}
                          <button type="button" class="link-button" aria-label={t('entriesLabel', { name: member.name })} onClick={() => props.onOpen(member)}>
                            {member.name}
                          </button>
                        </th>
                        <td class="wrap">{member.branchName ?? ''}</td>
                        <td class="num">{format(member.points)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Show when={!all() && members().length > FIRST}>
              <button type="button" class="secondary" style={{ 'margin-top': '0.5rem' }} onClick={() => setAll(true)}>
                {t('showAll', { count: format(members().length) })}
              </button>
            </Show>
          </>
        )}
      </ResourceList>
    </section>
  );
}
