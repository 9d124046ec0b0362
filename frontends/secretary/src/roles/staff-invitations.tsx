import { For, Show, createResource, createSignal, untrack } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { ErrorNotice, ResourceList, createAction } from '@tongxin/ui';
import { explainError } from '../shared/explain-identity-error.ts';
import { formatDate } from '../shared/format-date.ts';
import { t, type RolesMessageKey } from './messages.ts';
import { ROLE_ERRORS, compareOrgRoles, kindLabel, titleLabel, type OrgRoles, type StaffInvitation } from './roles-api.ts';

type Grant = Parameters<typeof identity.staff.invite.mutate>[0]['grant'];
type Choice = 'department' | 'secretary' | 'deputy';
type Field = 'name' | 'phone' | 'orgId';

const MOBILE = /^1\d{10}$/;

/**
 * Staff who are not members (department staff, township staff) are invited by phone and
 * hold roles only. The link is shown once (and sent by SMS); the list keeps who was invited.
 */
export function StaffInvitations(props: { orgs: readonly OrgRoles[]; isDepartment: boolean }) {
  const [open, setOpen] = createSignal(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('staff.title')}</summary>
      <Show when={open()}>
        <StaffInvitationsBody orgs={props.orgs} isDepartment={props.isDepartment} />
      </Show>
    </details>
  );
}

function StaffInvitationsBody(props: { orgs: readonly OrgRoles[]; isDepartment: boolean }) {
  const [invitations, { refetch }] = createResource(() => identity.staff.list.query());
  const invite = createAction((input: { name: string; phone: string; grant: Grant }) => identity.staff.invite.mutate(input));
  const revoke = createAction((id: string) => identity.staff.revoke.mutate({ id }));
  const [choice, setChoice] = createSignal<Choice>(untrack(() => (props.isDepartment ? 'department' : 'secretary')));
  const [problems, setProblems] = createSignal<Partial<Record<Field, string>>>({});
  const [sent, setSent] = createSignal<{ link: string; expiresAt: string } | null>(null);
  const [copied, setCopied] = createSignal(false);
  const orgs = () => [...props.orgs].sort(compareOrgRoles).filter((org) => org.kind !== 'department');
  // The server's field refusals, in the user's words (its messages are English).
  const serverText: Record<Field, () => string> = { name: () => t('staff.required'), phone: () => t('staff.phoneInvalid'), orgId: () => t('staff.orgRequired') };
  const error = (field: Field) => problems()[field] ?? (invite.fields()[field] || invite.fields()[`grant.${field}`] ? serverText[field]() : undefined);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const phone = String(data.get('phone') ?? '').replace(/\s/g, '');
    const orgId = String(data.get('orgId') ?? '');
    const found: Partial<Record<Field, string>> = {};
    if (!name) found.name = t('staff.required');
    if (!MOBILE.test(phone)) found.phone = t('staff.phoneInvalid');
    if (choice() !== 'department' && !orgId) found.orgId = t('staff.orgRequired');
    setProblems(found);
    setSent(null);
    setCopied(false);
    if (Object.keys(found).length > 0) return;
    const grant: Grant = choice() === 'department' ? { role: 'department' } : { role: 'secretary', orgId, title: choice() === 'deputy' ? 'deputy' : 'secretary' };
    const done = await invite.run({ name, phone, grant });
    if (!done) return;
    setSent({ link: new URL(done.output.link, window.location.origin).href, expiresAt: String(done.output.expiresAt) });
    form.reset();
    refetch();
  }

  /** What the invitation gives, in words: the department, or a seat in a named org. */
  const grantText = (invitation: StaffInvitation) =>
    invitation.grants
      .map((grant) => {
        if (grant.role === 'department') return t('staff.department');
        if (grant.role !== 'secretary') return '';
        const org = props.orgs.find((candidate) => candidate.orgId === grant.orgId)?.orgName ?? '';
        return `${org}${titleLabel('title' in grant && typeof grant.title === 'string' ? grant.title : 'secretary')}`;
      })
      .filter(Boolean)
      .join('、');

  async function revokeInvitation(invitation: StaffInvitation) {
    if (!window.confirm(t('staff.revokeConfirm', { name: invitation.name ?? '' }))) return;
    if (await revoke.run(invitation.id)) refetch();
  }

  const Text = (p: { name: 'name' | 'phone'; type: string }) => (
    <div class="field">
      <label for={`staff-${p.name}`}>{t(`staff.${p.name}`)}</label>
      <input
        id={`staff-${p.name}`}
        name={p.name}
        type={p.type}
        inputmode={p.name === 'phone' ? 'tel' : undefined}
        autocomplete="off"
        aria-invalid={error(p.name) ? 'true' : undefined}
        aria-describedby={error(p.name) ? `staff-${p.name}-error` : undefined}
      />
      <Show when={error(p.name)}>
        <p class="field-error" id={`staff-${p.name}-error`}>{error(p.name)}</p>
      </Show>
    </div>
  );

  return (
    <div class="staff">
      <p>{t('staff.intro')}</p>
      <form class="form" aria-label={t('staff.title')} onSubmit={onSubmit} novalidate>
        <Text name="name" type="text" />
        <Text name="phone" type="tel" />
        <div class="field">
          <label for="staff-grant">{t('staff.grant')}</label>
          <select id="staff-grant" value={choice()} onChange={(event) => setChoice(event.currentTarget.value as Choice)}>
            <Show when={props.isDepartment}>
              <option value="department">{t('staff.department')}</option>
            </Show>
            <option value="secretary">{t('staff.secretary')}</option>
            <option value="deputy">{t('staff.deputy')}</option>
          </select>
        </div>
        <Show when={choice() !== 'department'}>
          <div class="field">
            <label for="staff-org">{t('staff.org')}</label>
            <select
              id="staff-org"
              name="orgId"
              aria-invalid={error('orgId') ? 'true' : undefined}
              aria-describedby={error('orgId') ? 'staff-org-error' : undefined}
            >
              <option value="">{t('pick')}</option>
              <For each={orgs()}>{(org) => <option value={org.orgId}>{`${org.orgName}（${kindLabel(org.kind)}）`}</option>}</For>
            </select>
            <Show when={error('orgId')}>
              <p class="field-error" id="staff-org-error">{error('orgId')}</p>
            </Show>
          </div>
        </Show>
        <Show when={invite.error() && Object.keys(invite.fields()).length === 0}>
          <ErrorNotice message={explainError(invite.error(), ROLE_ERRORS)} />
        </Show>
        <div class="form-buttons">
          <button type="submit" disabled={invite.pending()}>
            {invite.pending() ? t('staff.inviting') : t('staff.invite')}
          </button>
        </div>
      </form>
      <Show when={sent()}>
        {(link) => (
          <div class="panel" role="status">
            <p>{t('staff.link')}</p>
            <p>
              <a class="link-text" href={link().link}>{link().link}</a>
            </p>
            <p class="meta">{t('staff.expires', { date: formatDate(link().expiresAt, true) })}</p>
            <button
              type="button"
              class="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(link().link).catch(() => undefined);
                setCopied(true);
              }}
            >
              {t('staff.copy')}
            </button>
            <Show when={copied()}>
              <p>{t('staff.copied')}</p>
            </Show>
          </div>
        )}
      </Show>
      <h3>{t('staff.list')}</h3>
      <Show when={revoke.error()}>
        <ErrorNotice message={explainError(revoke.error(), ROLE_ERRORS)} />
      </Show>
      <ResourceList resource={invitations} onRetry={refetch} empty={t('staff.listEmpty')}>
        {(items) => (
          <ul class="holders">
            <For each={items()}>
              {(invitation) => (
                <li>
                  <p>
                    <strong id={`invitation-${invitation.id}`}>{invitation.name}</strong>
                    <span class="meta"> {invitation.phoneMasked}</span>
                  </p>
                  <p>{grantText(invitation)}</p>
                  <p class="meta">
                    {t(`staff.status.${invitation.status}` as RolesMessageKey)} · {t('staff.expires', { date: formatDate(String(invitation.expiresAt), true) })}
                  </p>
                  <Show when={invitation.status === 'pending'}>
                    <button
                      type="button"
                      class="secondary small"
                      aria-describedby={`invitation-${invitation.id}`}
                      disabled={revoke.pending()}
                      onClick={() => revokeInvitation(invitation)}
                    >
                      {t('staff.revoke')}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </ResourceList>
    </div>
  );
}
