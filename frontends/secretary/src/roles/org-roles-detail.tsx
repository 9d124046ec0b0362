import { For, Show, createSignal, onMount } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { ErrorNotice, createAction } from '@tongxin/ui';
import { explainError } from '../shared/explain-identity-error.ts';
import { RouteLink } from '../app/route-link.tsx';
import { formatDate } from '../shared/format-date.ts';
import { AppointForm } from './appoint-form.tsx';
import { t } from './messages.ts';
import { ROLE_ERRORS, lacksSecretary, titleLabel, type Holder, type OrgRoles } from './roles-api.ts';

/** One org: its secretaries and deputies (each removable), and the form to appoint another. */
export function OrgRolesDetail(props: { org: OrgRoles; kind: string; orgName: (orgId: string) => string; onChanged: () => void }) {
  const remove = createAction((appointmentId: string) => identity.roles.remove.mutate({ appointmentId }));
  const [said, setSaid] = createSignal('');
  let heading: HTMLHeadingElement | undefined;
  // Chosen in a long tree on a phone: the details are below it, so they take the focus.
  onMount(() => heading?.focus());

  async function removeHolder(holder: Holder) {
    const words = { name: holder.name, title: titleLabel(holder.title) };
    if (!window.confirm(t('removeConfirm', words))) return;
    setSaid('');
    if (await remove.run(holder.appointmentId)) {
      setSaid(t('removed', words));
      props.onChanged();
    }
  }

  return (
    <section class="org-detail" aria-labelledby="org-roles-title">
      <h2 id="org-roles-title" tabindex="-1" ref={heading}>
        {props.org.orgName}
      </h2>
      <p class="meta">{props.kind}</p>
      <Show when={lacksSecretary(props.org)}>
        <p>
          <span class="badge badge-warn">{t('noSecretary')}</span> {t('noSecretaryText')}
        </p>
      </Show>
      <h3>{t('holdersTitle')}</h3>
      <Show when={props.org.holders.length > 0} fallback={<p>{t('holdersEmpty')}</p>}>
        <ul class="holders">
          <For each={props.org.holders}>
            {(holder) => (
              <li>
                <p>
                  <strong id={`holder-${holder.appointmentId}`}>{t('holder', { title: titleLabel(holder.title), name: holder.name })}</strong>
                  <span class="meta"> · {t('appointedAt', { date: formatDate(holder.appointedAt) })}</span>
                </p>
                <Show when={!holder.hasAccount}>
                  <p>
                    <span class="warn-text">{t('noAccount')}</span>{' '}
                    <RouteLink to={{ name: 'accounts' }}>{t('toAccounts')}</RouteLink>
                  </p>
                </Show>
                <button
                  type="button"
                  class="secondary small"
                  aria-describedby={`holder-${holder.appointmentId}`}
                  disabled={remove.pending()}
                  onClick={() => removeHolder(holder)}
                >
                  {t('remove')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={remove.error()}>
        <ErrorNotice message={explainError(remove.error(), ROLE_ERRORS)} />
      </Show>
      <p role="status">{said()}</p>
      <AppointForm org={props.org} orgName={props.orgName} onAppointed={(text) => { setSaid(text); props.onChanged(); }} />
    </section>
  );
}
