import {
  birthDateOf, genderOf, LEDGER_FIELDS, PERSONAL_FIELDS, ZAwayReason, ZLedgerPatch, ZPersonalPatch, type AwayReason, type LedgerPatch, type PersonalPatch,
} from '@tongxin/ledger';
import { canonicalValue, IMPORT_STATUSES, REQUIRED_FIELDS, type ImportError, type ImportErrorCode, type ImportRow } from '@tongxin/ledger/xlsx/fields';
import type { z } from 'zod';

export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A row that passed every check that needs no database. */
export interface ValidRow {
  rowNumber: number;
  idCardNumber: string;
  /** The branch as named in the file; null = the import's default branch. */
  branchName: string | null;
  /** Only the columns the file filled in: an empty cell leaves the stored value alone. */
  personal: PersonalPatch;
  ledger: LedgerPatch;
  status: ImportStatus | null;
  /** 外出原因: only for a member the row (or the roster) has away. */
  awayReason: AwayReason | null;
}

const DATE_FIELDS = new Set(['birthDate', 'joinedOn', 'awaySince']);
const PHONE_FIELDS = new Set(['phone', 'destinationPhone', 'destinationOrgContact']);

/** The code the UI translates, from the field and the zod issue (whose messages are fixed in @tongxin/ledger). */
function codeOf(field: string, issue: z.core.$ZodIssue): ImportErrorCode {
  if (field === 'idCardNumber') {
    if (issue.message.includes('check digit')) return 'id_card_check_digit';
    return issue.message.includes('birth date') ? 'id_card_birth_date' : 'id_card_format';
  }
  if (DATE_FIELDS.has(field)) return issue.message === 'a date in the future' ? 'future_date' : 'date';
  if (PHONE_FIELDS.has(field)) return 'phone';
  if (issue.code === 'too_big') return 'too_long';
  if (issue.code === 'too_small') return issue.message === 'must not be empty' ? 'required' : 'too_short';
  if (issue.code === 'invalid_value') return 'invalid_option';
  return 'invalid';
}

function pick<F extends string>(values: ImportRow['values'], fields: readonly F[]): Partial<Record<F, string>> {
  const picked: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const value = values[field as keyof ImportRow['values']];
    if (value !== undefined) picked[field] = value;
  }
  return picked;
}

/**
 * Checks one spreadsheet row with the same field rules as the forms (ZPersonalPatch,
 * ZLedgerPatch), plus required columns, dates against the service clock (`today`, China
 * date), and birth date and gender against the ID-card number. Every bad cell is reported,
 * not only the first.
 */
export function validateImportRow(row: ImportRow, options: { today: string; hasDefaultBranch: boolean }): { valid: ValidRow | null; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const fail = (column: string, code: ImportErrorCode, message: string) => errors.push({ row: row.rowNumber, column, code, message });
  const values: ImportRow['values'] = {};
  for (const [field, value] of Object.entries(row.values)) {
    const trimmed = value?.trim();
    if (trimmed) values[field as keyof ImportRow['values']] = canonicalValue(field, trimmed);
  }
  for (const field of REQUIRED_FIELDS) {
    if (field === 'branch' && options.hasDefaultBranch) continue;
    if (!values[field]) fail(field, 'required', 'must not be empty');
  }

  const personal = ZPersonalPatch.safeParse(pick(values, PERSONAL_FIELDS));
  const ledger = ZLedgerPatch.safeParse(pick(values, LEDGER_FIELDS));
  for (const result of [personal, ledger]) {
    if (result.success) continue;
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (seen.has(field)) continue;
      seen.add(field);
      fail(field, codeOf(field, issue), issue.message);
    }
  }
  const status = values.status ?? null;
  if (status && !(IMPORT_STATUSES as readonly string[]).includes(status)) fail('status', 'invalid_option', `one of ${IMPORT_STATUSES.join(', ')}`);
  const awayReason = values.awayReason === undefined ? null : ZAwayReason.safeParse(values.awayReason);
  if (awayReason && !awayReason.success) fail('awayReason', 'invalid_option', 'not one of the reasons for leaving');
  // A reason for leaving belongs to a time away: a row that makes the member resident has none.
  if (awayReason?.success && status === 'resident') fail('awayReason', 'not_away', 'a resident member has no reason for being away');

  if (personal.success && ledger.success) {
    // The zod rules compare with the machine's date; the service's clock decides.
    for (const [field, value] of [['birthDate', personal.data.birthDate], ['joinedOn', personal.data.joinedOn], ['awaySince', ledger.data.awaySince]] as const) {
      if (value && value > options.today) fail(field, 'future_date', 'a date in the future');
    }
    const id = personal.data.idCardNumber;
    if (id && personal.data.birthDate && personal.data.birthDate !== birthDateOf(id)) fail('birthDate', 'birth_date_mismatch', 'does not match the birth date in the ID-card number');
    if (id && personal.data.gender && personal.data.gender !== genderOf(id)) fail('gender', 'gender_mismatch', 'does not match the ID-card number');
  }
  if (errors.length > 0 || !personal.success || !ledger.success) return { valid: null, errors };
  return {
    valid: {
      rowNumber: row.rowNumber,
      idCardNumber: personal.data.idCardNumber!,
      branchName: values.branch ?? null,
      personal: personal.data,
      ledger: ledger.data,
      status: status as ImportStatus | null,
      awayReason: awayReason?.data ?? null,
    },
    errors,
  };
}
