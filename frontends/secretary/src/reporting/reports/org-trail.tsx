import { For, Show } from 'solid-js';
import { c } from '../../shared/messages.ts';
import { t } from './messages.ts';

type Org = { id: string; name: string };

/**
 * Where the page stands: a choice of the caller's top orgs when they hold several seats, and
 * the way back up, the orgs from that top down to the one open, each above it a button.
 */
export function OrgTrail(props: { tops: Org[]; trail: Org[]; onOrg: (orgId: string) => void }) {
  return (
    <>
      <Show when={props.tops.length > 1}>
        <div class="field">
          <label for="reports-top-org">{c('org')}</label>
          <select id="reports-top-org" value={props.trail[0]?.id ?? ''} onChange={(event) => props.onOrg(event.currentTarget.value)}>
            <For each={props.tops}>{(top) => <option value={top.id}>{top.name}</option>}</For>
          </select>
        </div>
      </Show>
      <Show when={props.trail.length > 1}>
        <nav class="trail" aria-label={t('trail')}>
          <ol>
            <For each={props.trail}>
              {(step, i) => (
                <li>
                  <Show when={i() < props.trail.length - 1} fallback={<span aria-current="location">{step.name}</span>}>
                    <button type="button" class="link-button" onClick={() => props.onOrg(step.id)}>{step.name}</button>
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </nav>
      </Show>
    </>
  );
}
