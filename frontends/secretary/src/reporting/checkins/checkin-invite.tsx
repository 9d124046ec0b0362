import { For, Show } from 'solid-js';
import { ShareButton, checkinLink, checkinShareText, inviteLabel } from '@tongxin/ui/share-button';
import type { Destinations } from './destinations.ts';
import { t } from './messages.ts';

/**
 * "Come and check in with us" (issue 18): for each flow organization in scope, a share card
 * with the invitation, its check-in link and QR image, for the secretary to post in a WeChat
 * group; the link opens the member's check-in page with this organization chosen.
 */
export function CheckinInvite(props: { destinations: Destinations }) {
  const d = () => props.destinations;
  // Without a flow organization in scope there is nobody to invite: the section is left out.
  return (
    <Show when={d().flowOrgs().length > 0 && d().tenantId()}>
      {(tenantId) => (
        <section aria-labelledby="checkin-invite-title">
          <h2 id="checkin-invite-title">{t('inviteTitle')}</h2>
          <p>{t('inviteIntro')}</p>
          <ul class="cards">
            <For each={d().flowOrgs()}>
              {(org) => (
                <li class="card">
                  <h3>{org.name}</h3>
                  <Show when={org.city}>{(city) => <p class="meta">{city()}</p>}</Show>
                  <ShareButton
                    id={`invite-${org.id}`}
                    label={inviteLabel(org.name)}
                    caption={t('inviteShare')}
                    title={org.name}
                    text={checkinShareText(org)}
                    url={checkinLink(tenantId(), org.id, { city: org.city, name: org.name })}
                    level={4}
                  />
                </li>
              )}
            </For>
          </ul>
        </section>
      )}
    </Show>
  );
}
