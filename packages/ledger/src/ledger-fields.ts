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
export const PERSONAL_FIELDS = ['name', 'gender', 'birthDate', 'idCardNumber', 'phone', 'joinedOn', 'education'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * 学历, in the bands of the party's internal statistics (党内统计: 研究生、大学本科、大学专科、
 * 中专、高中、初中及以下), highest first: the column, the forms, the import and the
 * department's dimension read this one list (issue 15).
 */
export const EDUCATION_LEVELS = ['postgraduate', 'bachelor', 'college', 'secondary_vocational', 'high_school', 'junior_or_below'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/**
 * 外出原因: why a mobile member left, chosen at 外出登记 (the outflow keeps it, and the member
 * row while they are away, so the rollups and exports read one column; issue 15).
 */
export const AWAY_REASONS = ['work', 'business', 'study', 'family', 'other'] as const;
export type AwayReason = (typeof AWAY_REASONS)[number];

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
