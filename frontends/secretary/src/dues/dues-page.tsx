import { Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { CardStyles } from '../shared/card-styles.tsx';
import { loadOrgs } from '../shared/org-options.ts';
import { OrgSelect } from '../shared/org-select.tsx';
import { ReportingStyles } from '../shared/reporting-styles.tsx';
import { thisMonth } from './dues-api.ts';
import { DuesTableSection } from './dues-table-section.tsx';
import { t } from './messages.ts';
import { PeriodField } from './period-field.tsx';

/**
 * 党费 (issue 17): an org's dues table for a month or a quarter (a branch's, a township's, a
 * flow organization's with the members checked in with it), exported to Excel; from a row,
 * record a payment received, void a wrong record, or set the member's schedule and band.
 */
export default function DuesPage() {
  const [orgs, { refetch }] = createResource(loadOrgs);
  const [picked, setPicked] = createSignal('');
  const [period, setPeriod] = createSignal(thisMonth());
  // Read only once loaded: reading a resource still loading would suspend the page, and the
  // nav's focus on the h1 gives up while it is out of the document.
  const loaded = () => (orgs.state === 'ready' ? orgs() : orgs.state === 'refreshing' ? orgs.latest : undefined);
  const org = () => {
    const all = loaded() ?? [];
    return all.find((o) => o.id === picked()) ?? all[0];
  };

  return (
    <section class="reporting">
      <ReportingStyles />
      <CardStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Switch>
        <Match when={orgs.error}>
          <ErrorNotice message={describeError(orgs.error)} onRetry={refetch} />
        </Match>
        <Match when={!loaded()}>
          <Loading />
        </Match>
        <Match when={loaded()}>
          {(all) => (
            <Show when={org()}>
              {(current) => (
                <>
                  <div class="toolbar">
                    <OrgSelect id="dues-org" label={t('org')} orgs={all()} value={current().id} onChange={setPicked} />
                    <PeriodField value={period()} onChange={setPeriod} />
                  </div>
                  <DuesTableSection org={current()} period={period()} />
                </>
              )}
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
