import { For, Show } from 'solid-js';
import { format, t } from '@tongxin/i18n';
import { m } from '../messages.ts';
import { PAGE_SIZE, type MemberList } from './roster-api.ts';
import { RouteLink } from '../app/route-link.tsx';
import { LastContact } from '../shared/last-contact.tsx';

/** One page of members; on a phone the table scrolls sideways with the name column kept in view. */
export function RosterTable(props: { list: MemberList; busy: boolean; filtered: boolean }) {
  const pages = () => Math.max(1, Math.ceil(props.list.total / PAGE_SIZE));
  return (
    <Show
      when={props.list.total > 0}
      fallback={<p>{props.filtered ? m('roster.noMatch') : t('secretary.empty')}</p>}
    >
      <div class="table-scroll">
        <table class="roster-table" aria-busy={props.busy}>
          <caption>
            {t('secretary.caption', { total: format(props.list.total), page: format(props.list.page), pages: format(pages()) })}
            <Show when={props.busy}>
              <span class="updating" role="status">
                {' '}
                {m('roster.updating')}
              </span>
            </Show>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('secretary.name')}</th>
              <th scope="col">{t('secretary.branch')}</th>
              <th scope="col">{t('secretary.status')}</th>
              <th scope="col">{t('secretary.destinationCity')}</th>
              <th scope="col">{m('roster.lastContact')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.list.items}>
              {(member) => (
                <tr>
                  <td>
                    <RouteLink to={{ name: 'member', memberId: member.id }}>{member.name}</RouteLink>
                  </td>
                  <td>{member.branch}</td>
                  <td>
                    {t(`status.${member.status}`)}
                    <Show when={member.stale}>
                      {' '}
                      <span class="badge badge-warn">{m('roster.staleMarker')}</span>
                    </Show>
                  </td>
                  <td>{member.destinationCity}</td>
                  <td>
                    <LastContact at={member.lastContactAt} source={member.lastContactSource} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
