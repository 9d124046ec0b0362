import { Show, createResource } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { RouteLink } from '../links.tsx';
import { m } from '../messages.ts';
import { SETUP_STEPS } from '../route.ts';

/** Where the county's setup stands: a hint on the overview, not the page, so a failure to read it shows nothing. */
export function SetupStatus() {
  const [setup] = createResource(() => identity.setup.get.query());
  const status = () => (setup.error ? undefined : setup());
  return (
    <Show when={status()}>
      {(current) => (
        <Show
          when={current().tenant.liveAt}
          fallback={
            <div class="notice notice-warn overview-status">
              <p>{m('overview.notLive', { done: format(current().steps.filter((step) => step !== 'live').length), total: format(SETUP_STEPS.length) })}</p>
              <p>
                <RouteLink to={{ name: 'setup' }}>{m('overview.continue')}</RouteLink>
              </p>
            </div>
          }
        >
          {(liveAt) => <p class="overview-status meta">{m('overview.live', { date: format(new Date(liveAt())) })}</p>}
        </Show>
      )}
    </Show>
  );
}
