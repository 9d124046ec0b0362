import { For, Show, createResource } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { fieldLabel } from '../field-label.ts';
import { m } from './messages.ts';

type Field = Awaited<ReturnType<typeof reporting.checkins.shareOptions.query>>['optional'][number];

/**
 * What the destination will read once it accepts (issue 17): the county's minimum, listed as
 * the server states it (so the consent names every field shared), and the optional fields the
 * member may tick.
 */
export function SharedFields(props: { chosen: readonly Field[]; onChange: (fields: Field[]) => void }) {
  const [options] = createResource(() => reporting.checkins.shareOptions.query());
  const toggle = (field: Field, on: boolean) =>
    props.onChange(on ? [...props.chosen, field] : props.chosen.filter((f) => f !== field));
  return (
    <Show when={options()}>
      {(o) => (
        <fieldset class="group">
          <legend>{m('sharedTitle')}</legend>
          <p class="muted">{m('sharedAlways', { fields: o().minimum.map(fieldLabel).join('、') })}</p>
          <Show when={o().optional.length > 0}>
            <p class="muted">{m('sharedOptional')}</p>
            <For each={o().optional}>
              {(field) => (
                <label class="check">
                  <input type="checkbox" name="extraFields" value={field} checked={props.chosen.includes(field)} onChange={(event) => toggle(field, event.currentTarget.checked)} />
                  {fieldLabel(field)}
                </label>
              )}
            </For>
          </Show>
        </fieldset>
      )}
    </Show>
  );
}
