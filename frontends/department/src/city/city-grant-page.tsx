import { CityGrantPanel } from './city-grant-panel.tsx';
import { cm } from './city-messages.ts';
import { CityStyles } from './city-styles.tsx';

/** 市级授权: a county department's page for its grant to the city (issue 15); the panel may also sit on another page. */
export default function CityGrantPage() {
  return (
    <section class="city-view">
      <CityStyles />
      <h1>{cm('nav.cityGrant')}</h1>
      <CityGrantPanel />
    </section>
  );
}
