import { For, Match, Show, Switch, createResource, createSignal, onMount } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { ErrorNotice, Loading, createAction, describeError } from '@tongxin/ui';
import { RouteLink } from '../app/route-link.tsx';
import { formatDate } from '../shared/format-date.ts';
import { ACCOUNT_ERRORS, type BranchAccounts, type IssueResult, type MemberAccount } from './accounts-api.ts';
import { BranchFigures } from './branch-list.tsx';
import { explainError } from '../shared/explain-identity-error.ts';
import { t } from './messages.ts';

type IssueInput = { branchId: string } | { memberIds: string[] };

/** One branch's members and their account state; codes for one member or for all. */
export function BranchMembers(props: {
  branchId: string;
  branch: BranchAccounts | undefined;
  onBack: () => void;
  onIssued: (result: IssueResult) => void;
  onChanged: () => void;
}) {
  const [members, { refetch }] = createResource(() => identity.accounts.members.query({ branchId: props.branchId }));
  // One key per attempt: a retry after a lost answer never issues a second set of codes.
  const issue = createAction((input: IssueInput, idempotencyKey) => identity.accounts.issue.mutate({ ...input, idempotencyKey }));
  const revoke = createAction((memberId: string) => identity.accounts.revoke.mutate({ memberId }));
  const [issuingFor, setIssuingFor] = createSignal<string | null>(null);
  const [said, setSaid] = createSignal('');
  const name = () => props.branch?.branchName ?? '';
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  async function run(input: IssueInput, who: string) {
    setSaid('');
    revoke.reset();
    setIssuingFor(who);
    const done = await issue.run(input);
    setIssuingFor(null);
    if (!done) return;
    props.onIssued(done.output);
    refetch();
  }

  /** New codes replace unused ones already sent or printed: say so before it happens. */
  function issueForBranch() {
    const pending = props.branch?.pending ?? 0;
    if (pending > 0 && !window.confirm(t('replaceConfirm', { count: pending }))) return;
    void run({ branchId: props.branchId }, 'branch');
  }

  async function revokeCode(member: MemberAccount) {
    if (!window.confirm(t('revokeConfirm', { name: member.name }))) return;
    setSaid('');
    issue.reset();
    if (await revoke.run(member.memberId)) {
      setSaid(t('revoked', { name: member.name }));
      refetch();
      props.onChanged();
    }
  }

  const failure = () => issue.error() ?? revoke.error();

  return (
    <section aria-labelledby="branch-accounts-title">
      <button type="button" class="secondary" onClick={() => props.onBack()}>
        {t('back')}
      </button>
      <h2 id="branch-accounts-title" tabindex="-1" ref={heading}>
        {t('membersTitle', { branch: name() })}
      </h2>
      <Show when={props.branch}>{(branch) => <BranchFigures branch={branch()} />}</Show>
      <div class="issue-all">
        <button type="button" disabled={issue.pending()} onClick={() => issueForBranch()}>
          {issuingFor() === 'branch' ? t('issuing') : t('issueBranch')}
        </button>
        <p class="meta">{t('issueBranchHint')}</p>
      </div>
      <Show when={failure()}>
        <ErrorNotice message={explainError(failure(), ACCOUNT_ERRORS)} />
      </Show>
      <p role="status">{said()}</p>
      <Switch>
        <Match when={members.error}>
          <ErrorNotice message={describeError(members.error)} onRetry={refetch} />
        </Match>
        <Match when={members.latest}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p>{t('membersEmpty')}</p>}>
              <ul class="cards" aria-label={t('membersLabel', { branch: name() })} aria-busy={members.loading}>
                <For each={list()}>
                  {(member) => (
                    <li class="card member-account">
                      <p>
                        <strong id={`account-${member.memberId}`}>{member.name}</strong>
                        <Show when={member.phoneMasked}>
                          <span class="meta"> {member.phoneMasked}</span>
                        </Show>
                      </p>
                      <p>
                        <StateText member={member} />
                      </p>
                      <Show when={member.state === 'no_phone'}>
                        <p>
                          <RouteLink to={{ name: 'member', memberId: member.memberId }}>{t('addPhone')}</RouteLink>
                        </p>
                      </Show>
                      <Show when={member.state === 'none' || member.state === 'pending'}>
                        <div class="form-buttons">
                          <button
                            type="button"
                            class={member.state === 'pending' ? 'secondary' : undefined}
                            aria-describedby={`account-${member.memberId}`}
                            disabled={issue.pending()}
                            onClick={() => run({ memberIds: [member.memberId] }, member.memberId)}
                          >
                            {issuingFor() === member.memberId ? t('issuing') : member.state === 'pending' ? t('reissue') : t('issueOne')}
                          </button>
                          <Show when={member.state === 'pending'}>
                            <button
                              type="button"
                              class="secondary"
                              aria-describedby={`account-${member.memberId}`}
                              disabled={revoke.pending()}
                              onClick={() => revokeCode(member)}
                            >
                              {t('revoke')}
                            </button>
                          </Show>
                        </div>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
        <Match when={members.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}

/** The account's state in words; "active" and "no phone" also carry a badge (with the words, not colour alone). */
function StateText(props: { member: MemberAccount }) {
  return (
    <Switch>
      <Match when={props.member.state === 'active'}>
        <span class="badge badge-good">{t('state.active')}</span>
      </Match>
      <Match when={props.member.state === 'pending'}>
        {t('state.pending', { date: formatDate(props.member.codeExpiresAt) })}
      </Match>
      <Match when={props.member.state === 'no_phone'}>
        <span class="warn-text">{t('state.no_phone')}</span>
      </Match>
      <Match when={true}>{t('state.none')}</Match>
    </Switch>
  );
}
