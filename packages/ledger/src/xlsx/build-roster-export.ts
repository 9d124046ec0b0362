import { formulaSafeText } from './formula-safe-text.ts';
import type { ExportMeta, ExportRow } from './export-row.ts';
import { codeLabel, CODED_FIELDS, FIELD_HEADERS, IMPORT_FIELDS, type CodedField, type XlsxLocale } from './import-fields.ts';
import { styleHeader, THIN_BORDER, toBytes, Workbook, type Worksheet } from './workbook.ts';

const TEXT = {
  'zh-CN': { sheet: '党员名册', title: (org: string) => `${org}党员名册`, filed: (date: string) => `导出日期：${date}`, seq: '序号' },
  en: { sheet: 'Roster', title: (org: string) => `Party member roster: ${org}`, filed: (date: string) => `Exported on ${date}`, seq: 'No.' },
} as const;

const isCoded = (field: string): field is CodedField => Object.hasOwn(CODED_FIELDS, field);

/**
 * The roster: a title row, a date row, then 序号 and the import template's columns, so an
 * edited export can be imported back (with full ID-card numbers).
 */
export async function buildRosterExport(rows: readonly ExportRow[], locale: XlsxLocale = 'zh-CN', meta: ExportMeta = { orgName: '', date: '' }): Promise<Uint8Array> {
  const text = TEXT[locale];
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(text.sheet, { views: [{ state: 'frozen', ySplit: 3 }] });
  const headers = [text.seq, ...IMPORT_FIELDS.map((f) => FIELD_HEADERS[f][locale])];
  addTitle(sheet, text.title(meta.orgName), text.filed(meta.date), headers.length);
  sheet.addRow(headers);
  styleHeader(sheet, 3, headers.map((_, i) => (i === 0 ? 6 : IMPORT_FIELDS[i - 1] === 'idCardNumber' ? 22 : 14)));
  rows.forEach((row, i) => {
    // Coded columns in words, as the import reads them back.
    const cells = IMPORT_FIELDS.map((field) => (isCoded(field) ? codeLabel(field, row[field], locale) : (row[field] ?? '')));
    addBodyRow(sheet, [i + 1, ...cells]);
  });
  return toBytes(workbook);
}

/** A merged, centred title over the table, and a right-aligned line below it. */
export function addTitle(sheet: Worksheet, title: string, subtitle: string, width: number) {
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, width);
  const titleCell = sheet.getCell(1, 1);
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;
  sheet.addRow([subtitle]);
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).alignment = { horizontal: 'left' };
}

/** Body cells are text: an ID-card number or phone must never become a number in Excel, nor a name a formula. */
export function addBodyRow(sheet: Worksheet, values: (string | number)[]) {
  const row = sheet.addRow(values.map(formulaSafeText));
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.border = THIN_BORDER;
    if (col > 1) cell.numFmt = '@';
  });
}
