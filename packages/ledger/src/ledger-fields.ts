/**
 * The information ledger (信息台账), brief "报告": what a mobile member reports to the home
 * branch. One list for the database, the member's form, the history diff and Excel.
 */
export const LEDGER_FIELDS = [
  'destinationProvince',
  'destinationCity',
  'employer',
  'occupation',
  'residentialAddress',
  'destinationPhone',
  'destinationOrgName',
  'destinationOrgLeader',
  'destinationOrgContact',
  'awaySince',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];
export type Ledger = Record<LedgerField, string | null>;

/** The member's personal record, kept by the branch (a member does not edit these). */
export const PERSONAL_FIELDS = ['name', 'gender', 'birthDate', 'idCardNumber', 'phone', 'joinedOn'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export const MEMBER_STATUSES = ['resident', 'mobile', 'lost_contact', 'transferred_out'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/**
 * Whose ledger is kept current: the ledger is what a mobile member reports home (brief
 * "报告"), so staleness counts only members away or out of contact; a resident has nothing
 * to report and is never asked to confirm (brief, burden rules).
 */
export const LEDGER_STATUSES: readonly MemberStatus[] = ['mobile', 'lost_contact'];

/** A ledger unconfirmed for longer than this is stale (the secretary's filter and share). */
export const STALE_AFTER_DAYS = 30;

/** The 6-month rule (brief): away longer without transferring → the village's mobile-member branch. */
export const PLACEMENT_AFTER_MONTHS = 6;

/** Reason codes of the official lost-contact register (brief "Lost contact"), 1–7. */
export const LOST_CONTACT_REASONS = [1, 2, 3, 4, 5, 6, 7] as const;

export const CONTACT_CHANNELS = ['phone', 'wechat', 'sms', 'visit', 'letter', 'other'] as const;
export const CONTACT_RESULTS = ['reached', 'no_answer', 'unreachable', 'refused', 'other'] as const;
