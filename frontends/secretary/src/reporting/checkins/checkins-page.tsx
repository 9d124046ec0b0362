import { createSignal } from 'solid-js';
import { ReportingStyles } from '../../shared/reporting-styles.tsx';
import { CheckinInbox } from './checkin-inbox.tsx';
import { CheckinInvite } from './checkin-invite.tsx';
import { CheckinQr } from './checkin-qr.tsx';
import { createDestinations } from './destinations.ts';
import { HomeCheckins } from './home-checkins.tsx';
import { t } from './messages.ts';

/**
 * 报到 for both sides: a destination (flow branch, or any org members check in with) decides
 * on the check-ins it received, invites members to check in (a share card for the WeChat
 * group) and shows its QR code; a home branch follows its members'.
 */
export default function CheckinsPage() {
  const [said, setSaid] = createSignal('');
  const destinations = createDestinations();
  return (
    <section class="reporting">
      <ReportingStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p role="status">{said()}</p>
      <CheckinInbox onSaid={setSaid} />
      <HomeCheckins />
      <CheckinInvite destinations={destinations} />
      <CheckinQr destinations={destinations} />
    </section>
  );
}
