import { For, Match, Show, Switch, createMemo, createResource, createSignal } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { AccountsStyles } from '../shared/accounts-styles.tsx';
import { ReportingStyles } from '../shared/reporting-styles.tsx';
import { t } from './messages.ts';
import { OrgRolesDetail } from './org-roles-detail.tsx';
import { buildRolesTree, kindLabel, lacksSecretary } from './roles-api.ts';
import { RolesTree, OrgRow } from './roles-tree.tsx';
import { StaffInvitations } from './staff-invitations.tsx';

/**
 * 书记任命: the org tree (the department's county, a township secretary's subtree: identity
 * scopes the list) with each org's secretaries and deputies; orgs without a secretary carry
 * a badge. Choosing an org opens its holders and the appointment form.
 */
export default function RolesPage() {
  const [orgs, { refetch }] = createResource(() => identity.roles.list.query({}));
  const [me] = createResource(() => identity.auth.me.query());
  const isDepartment = () => !me.error && (me()?.roles ?? []).some((grant) => grant.role === 'department');
  const [selectedId, setSelectedId] = createSignal<string | null>(null);
  const [onlyMissing, setOnlyMissing] = createSignal(false);
  const list = () => (orgs.error ? [] : (orgs.latest ?? []));
  const tree = createMemo(() => buildRolesTree(list()));
  const missing = () => list().filter(lacksSecretary);
  const selected = () => list().find((org) => org.orgId === selectedId());
  const orgName = (orgId: string) => list().find((org) => org.orgId === orgId)?.orgName ?? '';

  return (
    <section class="reporting accounts roles">
      <ReportingStyles />
      <AccountsStyles />
      <style>{css}</style>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Switch>
        <Match when={orgs.error}>
          <ErrorNotice message={describeError(orgs.error)} onRetry={refetch} />
        </Match>
        <Match when={orgs.latest}>
          <Show when={list().length > 0} fallback={<p>{t('empty')}</p>}>
            <p>
              <Show when={missing().length > 0} fallback={t('noneMissing')}>
                <strong>{t('missing', { count: format(missing().length) })}</strong>
              </Show>
            </p>
            <label class="check">
              <input type="checkbox" checked={onlyMissing()} onChange={(event) => setOnlyMissing(event.currentTarget.checked)} />
              {t('onlyMissing')}
            </label>
            <nav aria-label={t('treeLabel')} aria-busy={orgs.loading} class="roles-tree">
              <Show
                when={onlyMissing()}
                fallback={<RolesTree nodes={tree()} selectedId={selectedId()} onSelect={setSelectedId} />}
              >
                <Show when={missing().length > 0} fallback={<p>{t('noMatch')}</p>}>
                  <ul>
                    <For each={missing()}>
                      {(org) => (
                        <li>
                          <OrgRow org={org} selected={selectedId() === org.orgId} onSelect={setSelectedId} />
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </Show>
            </nav>
            {/* Keyed on the id: another org gets a fresh form (and the focus); a refetch keeps it. */}
            <Show when={selectedId()} keyed fallback={<p class="meta">{t('selectHint')}</p>}>
              {(_id: string) => (
                <Show when={selected()}>
                  {(org) => <OrgRolesDetail org={org()} kind={kindLabel(org().kind)} orgName={orgName} onChanged={refetch} />}
                </Show>
              )}
            </Show>
            <StaffInvitations orgs={list()} isDepartment={isDepartment()} />
          </Show>
        </Match>
        <Match when={orgs.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}

const css = `
.roles .check { display: flex; gap: 0.5rem; align-items: center; min-height: 2.75rem; }
.roles .check input { width: 1.2rem; height: 1.2rem; margin: 0; }
.roles .roles-tree { border: 1px solid var(--color-border); border-radius: 4px; padding: 0.25rem 0.5rem; margin: 0.5rem 0 1rem; }
.roles .roles-tree ul { list-style: none; margin: 0; padding: 0; }
.roles .roles-tree ul ul { padding-left: 1rem; border-left: 1px solid var(--color-border); }
.roles .org-row { padding: 0.3rem 0; min-width: 0; overflow-wrap: anywhere; }
.roles .org-row button { text-align: left; padding: 0.3rem 0.5rem; min-height: 2.5rem; max-width: 100%; }
.roles .org-row button[aria-current="true"] { font-weight: 700; outline: 2px solid var(--color-brand); }
.roles .org-row .meta { display: flex; flex-wrap: wrap; gap: 0.1rem 0.6rem; margin: 0.1rem 0 0 0.5rem; }
.roles .org-detail h2:focus { outline: none; }
.roles .org-detail h2:focus-visible { outline: 3px solid var(--color-focus); }
.roles .holders { list-style: none; margin: 0 0 1rem; padding: 0; display: grid; gap: 0.5rem; }
.roles .holders li { border-bottom: 1px solid var(--color-border); padding-bottom: 0.4rem; overflow-wrap: anywhere; }
.roles .holders p { margin: 0.1rem 0; }
.roles .appoint-form { gap: 0.75rem; margin-top: 1rem; }
.roles .appoint-form h3, .roles .appoint-form > p, .roles .appoint-form .field p { margin: 0; }
.roles .appoint-form .field p:empty { display: none; }
.roles details { margin-top: 1.5rem; border-top: 1px solid var(--color-border); padding-top: 0.5rem; }
.roles summary { font-weight: 600; cursor: pointer; min-height: 2.5rem; display: flex; align-items: center; }
`;
