import { Show, createResource, createSignal } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, describeError } from '@tongxin/ui';
import { ReportingStyles } from '../shared/reporting-styles.tsx';
import type { IssueResult, IssuedCode, SkippedMember } from './accounts-api.ts';
import { AccountsStyles } from '../shared/accounts-styles.tsx';
import { BranchList } from './branch-list.tsx';
import { BranchMembers } from './branch-members.tsx';
import { IssuedCodes } from './issued-codes.tsx';
import { t } from './messages.ts';

/**
 * 账号激活: the department's whole county or a secretary's subtree (identity scopes the
 * lists), by branch; a branch's members, codes issued one by one or for the whole branch,
 * and the sheet to print. The codes of this visit stay on screen (the server never shows
 * them again) until the user clears them or leaves the page.
 */
export default function AccountsPage() {
  const [branches, { refetch }] = createResource(() => identity.accounts.branches.query());
  const [branchId, setBranchId] = createSignal<string | null>(null);
  const [issued, setIssued] = createSignal<IssuedCode[]>([]);
  const [skipped, setSkipped] = createSignal<SkippedMember[]>([]);
  const [issueCount, setIssueCount] = createSignal(0);
  const [lastCount, setLastCount] = createSignal(0);
  const [replayed, setReplayed] = createSignal(0);
  // The branch the user came back from: its button takes the focus again.
  const [returnTo, setReturnTo] = createSignal<string | null>(null);
  const list = () => (branches.error ? [] : (branches.latest ?? []));
  const selected = () => list().find((branch) => branch.branchId === branchId());
  const totals = () => list().reduce((sum, b) => ({ members: sum.members + b.members, activated: sum.activated + b.activated }), { members: 0, activated: 0 });

  function onIssued(result: IssueResult) {
    // A member issued again keeps only the newest code (the older one no longer works). A
    // retry the server had already applied answers without codes: they cannot be shown twice.
    const shown = result.issued.filter((code): code is IssuedCode => code.code !== null && code.link !== null);
    const fresh = new Set(result.issued.map((code) => code.memberId));
    setIssued([...issued().filter((code) => !fresh.has(code.memberId)), ...shown]);
    setSkipped(result.skipped);
    setReplayed(result.replayed ? result.issued.length : 0);
    setLastCount(shown.length);
    setIssueCount(issueCount() + 1);
    refetch();
  }

  return (
    <section class="reporting accounts">
      <ReportingStyles />
      <AccountsStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Show when={list().length > 0}>
        <p>
          <strong>{t('scopeTotal', { activated: format(totals().activated), members: format(totals().members) })}</strong>
        </p>
      </Show>
      <Show when={branches.error}>
        <ErrorNotice message={describeError(branches.error)} onRetry={refetch} />
      </Show>
      <IssuedCodes
        issued={issued()}
        skipped={skipped()}
        round={issueCount()}
        lastCount={lastCount()}
        replayed={replayed()}
        onClear={() => {
          setIssued([]);
          setSkipped([]);
        }}
      />
      {/* Keyed on the id, not the row: the counts refetched after an issue must not remount the branch. */}
      <Show
        when={branchId()}
        keyed
        fallback={<BranchList branches={branches} returnTo={returnTo()} onOpen={setBranchId} />}
      >
        {(id) => (
          <BranchMembers
            branchId={id}
            branch={selected()}
            onBack={() => {
              setReturnTo(id);
              setBranchId(null);
            }}
            onIssued={onIssued}
            onChanged={refetch}
          />
        )}
      </Show>
    </section>
  );
}
