// The activity certificate's vocabularies (《流动党员活动证》 and the certificate letter, brief
// "National rules around mobile members"), shared by roster's tables and inputs, the
// register's workbook and the views: one list each.

/**
 * A certificate's state. `valid` until handed back (`returned`), lapsed at its end date
 * (`expired`, the daily job) or withdrawn by the committee (`revoked`). A certificate shown
 * as valid has not passed its end date either: a verification never trusts the job alone.
 */
export const CERTIFICATE_STATUSES = ['valid', 'returned', 'expired', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Why a short trip gets a certificate letter (证明信) and no certificate: meetings, study, secondment, family visits. */
export const LETTER_PURPOSES = ['meeting', 'study', 'secondment', 'family_visit', 'other'] as const;
export type LetterPurpose = (typeof LETTER_PURPOSES)[number];

/**
 * A certificate is for an absence under 6 months; a longer one only where the membership
 * cannot be transferred yet (the reason is then required), and never beyond this.
 */
export const CERTIFICATE_PLAIN_MONTHS = 6;
export const CERTIFICATE_MAX_MONTHS = 24;

/** How many days before its end date the member and their branch are reminded. */
export const CERTIFICATE_REMIND_DAYS = 15;

/** One line of a committee's certificate register, as `certificates.register` answers it and its workbook reads it. */
export interface CertificateRegisterRow {
  id: string;
  number: string;
  holderName: string;
  gender: 'male' | 'female' | null;
  branchName: string;
  issuerName: string;
  destinationProvince: string | null;
  destinationCity: string;
  reasonCode: 'work' | 'business' | 'study' | 'family' | 'other' | null;
  reason: string | null;
  leftOn: string;
  issuedOn: string;
  validUntil: string;
  status: CertificateStatus;
  handedBackOn: string | null;
  notTransferableReason: string | null;
  closeNote: string | null;
  revokeReason: string | null;
  reportActivities: string | null;
  reportJoinedOrg: string | null;
  reportMeetings: number | null;
  /** The destination organizations the holder checked in with while it stood. */
  checkedInWith: string[];
}
