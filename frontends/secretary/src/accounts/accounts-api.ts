import { identity } from '@tongxin/api-client';
import { t } from './messages.ts';
import type { KnownErrors } from '../shared/explain-identity-error.ts';

// Output types of identity's accounts procedures, inferred from the service's AppRouter.
export type BranchAccounts = Awaited<ReturnType<typeof identity.accounts.branches.query>>[number];
export type MemberAccount = Awaited<ReturnType<typeof identity.accounts.members.query>>[number];
export type IssueResult = Awaited<ReturnType<typeof identity.accounts.issue.mutate>>;
/** A code as the sheet needs it: a retry's answer (`replayed`) carries none and is not kept. */
export type IssuedCode = IssueResult['issued'][number] & { code: string; link: string };
export type SkippedMember = IssueResult['skipped'][number];

/** Members of a branch that have no code and no account (the server counts the rest). */
export function withoutCode(branch: BranchAccounts): number {
  return Math.max(0, branch.members - branch.activated - branch.pending - branch.withoutPhone);
}

/** Identity's refusals here, in the user's language. */
export const ACCOUNT_ERRORS: KnownErrors = {
  outside_scope: () => t('error.scope'),
  account_active: () => t('error.active'),
  link_invalid: () => t('error.invalid'),
};

/** Shows codes as the server returns them, or grouped XXXXX-XXXXX when it sends them bare. */
export function displayCode(code: string): string {
  return /^[0-9A-Z]{10}$/.test(code) ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}
