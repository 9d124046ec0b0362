import type { CellValue } from 'exceljs';
import { withoutFormulaGuard } from './formula-safe-text.ts';
import type { ImportField } from './import-fields.ts';

export const DATE_FIELDS: ReadonlySet<ImportField> = new Set(['birthDate', 'joinedOn', 'awaySince']);

/** What a cell says, as text: rich text joined, formulas by their result, dates as YYYY-MM-DD. */
export function cellText(value: CellValue, field: ImportField): { text: string; numberIdCard?: true } {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return { text: isoDate(value) };
  if (typeof value === 'number') {
    if (DATE_FIELDS.has(field)) return { text: excelSerialDate(value) };
    // Excel keeps 15 significant digits: an 18-digit ID typed as a number has lost its tail.
    if (field === 'idCardNumber') return { text: value.toFixed(0), numberIdCard: true };
    return { text: Number.isInteger(value) ? value.toFixed(0) : String(value) };
  }
  if (typeof value === 'string') {
    const text = withoutFormulaGuard(value.trim());
    return { text: DATE_FIELDS.has(field) ? normalizeDate(text) : text };
  }
  if (typeof value === 'boolean') return { text: String(value) };
  if ('richText' in value) return cellText(value.richText.map((r) => r.text).join(''), field);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null, field);
  if ('hyperlink' in value) return cellText((value as { text?: CellValue }).text ?? '', field);
  return { text: '' };
}

/** Excel stores dates as JS dates at UTC midnight of the calendar day. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A serial day number (1900 date system; Excel's day 0 is 1899-12-30 once its 1900 leap bug is counted). */
function excelSerialDate(serial: number): string {
  return isoDate(new Date(Math.round((serial - 25569) * 86_400_000)));
}

const pad = (n: string) => n.padStart(2, '0');

/**
 * Dates as counties type them: 1985-3-12, 1985/03/12, 1985.3.12, 1985年3月12日, 19850312,
 * and month-only 1985.03 / 1985年3月 (first of the month, as 出生年月 and 入党时间 often are).
 * Anything else comes back as typed, and validation names it.
 */
export function normalizeDate(raw: string): string {
  const text = raw.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text);
  if (m) return `${m[1]}-${pad(m[2]!)}-01`;
  return text;
}
