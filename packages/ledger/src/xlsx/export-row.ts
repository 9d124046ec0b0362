import type { AwayReason, EducationLevel, MemberStatus } from '../ledger-fields.ts';

/** One member as `excel.exportRows` returns it: both exports are built from these. */
export interface ExportRow {
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  /** Masked by maskIdCard (431023************) unless the department asked for full numbers. */
  idCardNumber: string | null;
  phone: string | null;
  joinedOn: string | null;
  education: EducationLevel | null;
  branch: string;
  status: MemberStatus;
  destinationProvince: string | null;
  destinationCity: string | null;
  employer: string | null;
  occupation: string | null;
  residentialAddress: string | null;
  destinationPhone: string | null;
  destinationOrgName: string | null;
  destinationOrgLeader: string | null;
  destinationOrgContact: string | null;
  awaySince: string | null;
  /** 外出原因, while the member is away. */
  awayReason: AwayReason | null;
}

export interface ExportMeta {
  /** The organization the export is for (the title row names it). */
  orgName: string;
  /** The filing date, YYYY-MM-DD. */
  date: string;
}
