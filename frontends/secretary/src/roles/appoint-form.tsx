import { For, Show, createEffect, createResource, createSignal, onCleanup, untrack } from 'solid-js';
import { identity, roster } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { explainError } from '../shared/explain-identity-error.ts';
import { t } from './messages.ts';
import { ROLE_ERRORS, TITLES, lacksSecretary, titleLabel, type OrgRoles, type Title } from './roles-api.ts';

const PAGE = 50;

/**
 * Appoints a member of the org's subtree (roster's member list, searched by name or phone)
 * as its secretary or deputy. Identity checks the scope again: nobody gives a role above
 * their own.
 */
export function AppointForm(props: { org: OrgRoles; orgName: (orgId: string) => string; onAppointed: (text: string) => void }) {
  const [typed, setTyped] = createSignal('');
  const [search, setSearch] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const [members, { refetch }] = createResource(
    () => ({ orgId: props.org.orgId, search: search() || undefined }),
    (input) => roster.members.list.query({ ...input, pageSize: PAGE }),
  );
  const items = () => (members.error ? [] : (members.latest?.items ?? []));
  const [memberId, setMemberId] = createSignal('');
  const [title, setTitle] = createSignal<Title>(untrack(() => (lacksSecretary(props.org) ? 'secretary' : 'deputy')));
  const [problem, setProblem] = createSignal('');
  const appoint = createAction((input: { orgId: string; memberId: string; title: Title }) => identity.roles.appoint.mutate(input));
  // A new search may leave the chosen member out of the list: then nobody is chosen.
  createEffect(() => {
    if (memberId() && !items().some((member) => member.id === memberId())) setMemberId('');
  });
  // Names repeat in a county: a name that appears twice in the list says its branch.
  const label = (member: { name: string; branch: string }) =>
    items().filter((other) => other.name === member.name).length > 1 ? `${member.name} · ${member.branch}` : member.name;

  // The server's one field refusal here: a member outside the org's subtree.
  const memberProblem = () => problem() || (appoint.fields().memberId ? t('error.notInOrg') : '');

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const chosen = items().find((member) => member.id === memberId());
    setProblem(chosen ? '' : t('pickMember'));
    if (!chosen) return;
    const input = { orgId: props.org.orgId, memberId: chosen.id, title: title() };
    if (await appoint.run(input)) {
      setMemberId('');
      props.onAppointed(t('appointed', { name: chosen.name, org: props.org.orgName, title: titleLabel(input.title) }));
    }
  }

  return (
    <form class="form appoint-form" aria-labelledby="appoint-title" onSubmit={onSubmit} novalidate>
      <h3 id="appoint-title">{t('appointTitle')}</h3>
      <p class="meta">{t('appointIntro')}</p>
      <div class="field">
        <label for="appoint-search">{t('search')}</label>
        <input
          id="appoint-search"
          type="search"
          value={typed()}
          aria-describedby="appoint-search-hint"
          onInput={(event) => {
            setTyped(event.currentTarget.value);
            clearTimeout(timer);
            timer = setTimeout(() => setSearch(typed().trim()), 300);
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            clearTimeout(timer);
            setSearch(typed().trim());
          }}
        />
        <p class="meta" id="appoint-search-hint">{t('searchHint')}</p>
      </div>
      <Show when={members.error}>
        <ErrorNotice message={describeError(members.error)} onRetry={refetch} />
      </Show>
      <div class="field">
        <label for="appoint-member">{t('member')}</label>
        <select
          id="appoint-member"
          value={memberId()}
          aria-busy={members.loading}
          aria-invalid={memberProblem() ? 'true' : undefined}
          aria-describedby={memberProblem() ? 'appoint-member-error' : 'appoint-member-note'}
          onChange={(event) => {
            setMemberId(event.currentTarget.value);
            setProblem('');
            appoint.reset();
          }}
        >
          <option value="">{t('pick')}</option>
          <For each={items()}>{(member) => <option value={member.id}>{label(member)}</option>}</For>
        </select>
        <p class="meta" id="appoint-member-note" role="status">
          <Show when={members.latest && !members.loading}>
            {items().length === 0
              ? t('noMembers')
              : (members.latest?.total ?? 0) > items().length
                ? t('moreMembers', { count: format(items().length) })
                : ''}
          </Show>
        </p>
        <Show when={memberProblem()}>
          <p class="field-error" id="appoint-member-error">
            {memberProblem()}
          </p>
        </Show>
      </div>
      <div class="field">
        <label for="appoint-title-select">{t('role')}</label>
        <select id="appoint-title-select" value={title()} onChange={(event) => setTitle(event.currentTarget.value as Title)}>
          <For each={TITLES}>{(value) => <option value={value}>{titleLabel(value)}</option>}</For>
        </select>
      </div>
      <Show when={appoint.error() && !appoint.fields().memberId}>
        <ErrorNotice message={explainError(appoint.error(), ROLE_ERRORS)} />
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={appoint.pending()}>
          {appoint.pending() ? t('appointing') : t('appoint')}
        </button>
      </div>
    </form>
  );
}
