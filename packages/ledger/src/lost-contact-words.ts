/** What roster records as a member's last contact (its `contact_source`), in the order the registers explain them. */
export const CONTACT_SOURCES = ['meeting', 'monthly_report', 'contact_attempt', 'dues', 'checkin'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

/** One line of the 失联党员登记表: a member lost contact now. */
export interface LostRegisterRow {
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  joinedOn: string | null;
  branchName: string;
  /** 失联时间 (YYYY-MM-DD). */
  since: string | null;
  /** The register's reason code, 1–7. */
  reason: number | null;
  /** The last contact before it (an ISO instant), and what it was. */
  lastContactAt: string | null;
  lastContactSource: ContactSource | null;
  /** Attempts that did not reach them since the last that did: the search so far. */
  failedAttempts: number;
}

/** One line of the 恢复联系党员登记表: a member found again in the year. */
export interface RecontactedRegisterRow {
  name: string;
  gender: 'male' | 'female' | null;
  branchName: string;
  /** When they had lost contact and why (from the change that found them). */
  lostSince: string | null;
  reason: number | null;
  /** 恢复联系时间 (an ISO instant). */
  recontactedAt: string;
  /** Where they are and work now (the ledger). */
  destinationCity: string | null;
  employer: string | null;
  /** Away again (mobile) or at home (resident) after being found. */
  status: string;
}

/** The official registers' reason codes for 失联 (brief "Lost contact"), in both languages: the one home of their words. */
export const LOST_CONTACT_REASON_WORDS = {
  1: { 'zh-CN': '外出务工经商', en: 'Away working or in business' },
  2: { 'zh-CN': '单位改制或破产', en: 'Employer restructured or bankrupt' },
  3: { 'zh-CN': '毕业后去向不明', en: 'Whereabouts unknown after graduating' },
  4: { 'zh-CN': '更换工作单位', en: 'Changed employer' },
  5: { 'zh-CN': '出国（境）', en: 'Abroad' },
  6: { 'zh-CN': '更换居住地', en: 'Changed residence' },
  7: { 'zh-CN': '其他原因', en: 'Other' },
} as const;

/** What each last contact was, in both languages (registers and views). */
export const CONTACT_SOURCE_WORDS: Record<ContactSource, { 'zh-CN': string; en: string }> = {
  meeting: { 'zh-CN': '参加组织生活', en: 'Organizational life' },
  monthly_report: { 'zh-CN': '月度报告', en: 'Monthly report' },
  contact_attempt: { 'zh-CN': '联系上', en: 'Reached by the branch' },
  dues: { 'zh-CN': '交纳党费', en: 'Dues paid' },
  checkin: { 'zh-CN': '报到', en: 'Check-in' },
};
