/**
 * A text cell beginning with one of these is a formula to Excel, WPS or LibreOffice once the
 * sheet is saved as CSV and opened again (tab and carriage return too: some programs skip them
 * before the sign). Issue 13 G: a member named "=HYPERLINK(…)" must export as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Exported text, never a formula: a leading apostrophe (OWASP's advice; exceljs writes no
 * "quotePrefix" style, so the apostrophe is part of the value and survives a CSV save).
 * Numbers are left alone; the import strips the apostrophe again (`cellText`).
 */
export function formulaSafeText<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** An apostrophe the export put before a formula sign, removed when the sheet is imported back. */
export function withoutFormulaGuard(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
