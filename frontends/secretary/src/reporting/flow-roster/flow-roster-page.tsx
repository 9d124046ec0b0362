import { For, Match, Show, Suspense, Switch, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { format, t as shared, type MessageKey } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { OrgSelect } from '../../shared/org-select.tsx';
import { FLOW_KINDS, loadOrgs } from '../../shared/org-options.ts';
import { createTenantNames } from '../../shared/names.ts';
import { ReportingStyles } from '../../shared/reporting-styles.tsx';
import { t } from './messages.ts';

type Item = Awaited<ReturnType<typeof roster.grants.flowRoster.query>>[number];
/**
 * The ledger fields a flow org may read, in the ledger's order. A county chooses which its
 * members' check-ins share (issue 12): the table shows the ones some row carries.
 */
const FIELDS = ['destinationProvince', 'destinationCity', 'employer', 'occupation', 'residentialAddress', 'destinationPhone', 'destinationOrgName'] as const;
const columnsOf = (list: Item[]) => FIELDS.filter((field) => list.some((item) => item[field] !== undefined));

/** A flow organization's one list: own members and members checked in from other places. */
export default function FlowRosterPage() {
  const [orgs, orgs$] = createResource(loadOrgs);
  const [picked, setPicked] = createSignal('');
  const flowOrgs = () => (orgs.error ? [] : (orgs() ?? []).filter((org) => FLOW_KINDS.includes(org.kind)));
  const orgId = () => (flowOrgs().some((o) => o.id === picked()) ? picked() : flowOrgs()[0]?.id);
  const [items, items$] = createResource(orgId, (id) => roster.grants.flowRoster.query({ orgId: id }));
  const county = createTenantNames();
  const count = (list: Item[], source: Item['source']) => list.filter((item) => item.source === source).length;

  return (
    <section class="reporting">
      <ReportingStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Show when={orgs.error}>
        <ErrorNotice message={describeError(orgs.error)} onRetry={orgs$.refetch} />
      </Show>
      <Show when={orgs() && !orgs.error}>
        <Show when={flowOrgs().length > 0} fallback={<p>{t('none')}</p>}>
          <div class="toolbar">
            <OrgSelect id="flow-roster-org" label={t('org')} orgs={orgs()!} value={orgId() ?? ''} onChange={setPicked} filter={(o) => FLOW_KINDS.includes(o.kind)} />
          </div>
        </Show>
      </Show>
      <Show when={orgId()}>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Match when={items.error}>
              <ErrorNotice message={describeError(items.error)} onRetry={items$.refetch} />
            </Match>
            <Match when={items.latest}>
              {(list) => (
                <Show when={list().length > 0} fallback={<p>{t('empty')}</p>}>
                  {/* Focusable, so a keyboard user can scroll the wide table on a phone (it holds no links). */}
                  <div class="table-scroll" tabindex="0" role="region" aria-label={t('title')}>
                    <table aria-busy={items.loading} class="roster-table">
                      <caption>
                        {t('summary', { total: format(list().length), local: format(count(list(), 'local')), checkedIn: format(count(list(), 'checked_in')) })}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{shared('ledger.name')}</th>
                          <th scope="col">{t('source')}</th>
                          <th scope="col">{t('originTenant')}</th>
                          <th scope="col">{t('originBranch')}</th>
                          <For each={columnsOf(list())}>{(field) => <th scope="col">{shared(`ledger.${field}` as MessageKey)}</th>}</For>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={list()}>
                          {(item) => (
                            <tr>
                              <th scope="row">{item.name}</th>
                              <td>
                                <span class={`badge ${item.source === 'checked_in' ? 'badge-good' : ''}`}>{t(`source.${item.source}`)}</span>
                              </td>
                              <td>{county(item.originTenant)}</td>
                              <td>{item.originBranch ?? ''}</td>
                              <For each={columnsOf(list())}>{(field) => <td>{item[field] ?? ''}</td>}</For>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </Show>
              )}
            </Match>
          </Switch>
        </Suspense>
      </Show>
    </section>
  );
}
