import { LostContactSection } from './lost-contact-section.tsx';
import { t } from './messages.ts';
import { PlacementsSection } from './placements-section.tsx';

/** The 6-month placement rule and the lost-contact register (brief "National rules"). */
export default function MobilityPage(_props: { basePath: string }) {
  return (
    <section>
      <h1>{t('title')}</h1>
      <PlacementsSection />
      <LostContactSection />
    </section>
  );
}
