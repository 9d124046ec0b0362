import { roster } from '@tongxin/api-client';
import { chinaDate } from '@tongxin/calendar';
import { loadOrgs, type TreeOrg } from '../shared/org-options.ts';

// Output types of roster's certificate procedures, inferred from its AppRouter.
export type RegisterRow = Awaited<ReturnType<typeof roster.certificates.register.query>>[number];
export type Candidate = Awaited<ReturnType<typeof roster.certificates.candidates.query>>[number];
export type LetterRow = Awaited<ReturnType<typeof roster.certificates.letters.query>>[number];
export type CertificateStatus = RegisterRow['status'];

export const CERTIFICATE_STATUSES = ['valid', 'returned', 'expired', 'revoked'] as const;
export const LETTER_PURPOSES = ['meeting', 'study', 'secondment', 'family_visit', 'other'] as const;

/** Who issues and registers certificates (roster's `committee.ts`): the committees in the caller's scope. */
const COMMITTEE_KINDS = ['county', 'department', 'township', 'street'];
export const loadCommittees = async (): Promise<TreeOrg[]> => (await loadOrgs()).filter((org) => COMMITTEE_KINDS.includes(org.kind));

/** Today on the China calendar (a certificate's dates are China dates). */
export const today = () => chinaDate(new Date());

/** Days from today to a date, for "ends in N days". */
export function daysUntil(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000);
}
