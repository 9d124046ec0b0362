import { Show, createSignal } from 'solid-js';
import { LostContactProposalsSection } from './lost-contact-proposals-section.tsx';
import { LostContactSection } from './lost-contact-section.tsx';
import { t } from './messages.ts';
import { PlacementsSection } from './placements-section.tsx';
import { RequestsSection } from './requests-section.tsx';

/** Members' own 外出登记 and 返乡登记 to confirm (issue 17), the 6-month placement rule and the lost-contact register (brief "National rules"). */
export default function MobilityPage() {
  // A confirmed proposal adds to the register: remounting it reloads it.
  const [registerRound, setRegisterRound] = createSignal(1);
  return (
    <section>
      <h1>{t('title')}</h1>
      <RequestsSection />
      <PlacementsSection />
      <LostContactProposalsSection onConfirmed={() => setRegisterRound((n) => n + 1)} />
      <Show when={registerRound()} keyed>
        {(_round) => <LostContactSection />}
      </Show>
    </section>
  );
}
