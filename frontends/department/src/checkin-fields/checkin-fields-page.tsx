import { m } from '../messages.ts';
import { CheckinFieldsForm } from './checkin-fields-form.tsx';

/** The same choice as the wizard's settings step, reachable from the navigation once the county is live. */
export default function CheckinFieldsPage() {
  return (
    <section class="checkin-fields">
      <h1>{m('checkinFields.title')}</h1>
      <CheckinFieldsForm idPrefix="checkin-fields-page" />
    </section>
  );
}
