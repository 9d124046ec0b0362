import { addTitle } from './build-roster-export.ts';
import { formulaSafeText } from './formula-safe-text.ts';
import { styleHeader, THIN_BORDER, toBytes, Workbook } from './workbook.ts';

/** A cell of a figures table: text, a count, a rate (a fraction shown as a percentage), or nothing. */
export type TableCell = string | number | null | { percent: number };

/** One table of a view (the department's figures) as a sheet. */
export interface TableExport {
  /** At most 31 characters, none of `[]:*?/\` (Excel's rules: the caller's to keep). */
  sheetName: string;
  title: string;
  /** The line under the title: the month and the org the figures are for. */
  subtitle: string;
  headers: string[];
  rows: TableCell[][];
}

/**
 * A table as the view shows it: a title row, the month and org, the header row, then the
 * rows, counts as numbers (so they sum in Excel), rates as percentages, text never a formula.
 */
export async function buildTableExport(table: TableExport): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 3 }] });
  const width = Math.max(table.headers.length, 1);
  addTitle(sheet, table.title, table.subtitle, width);
  sheet.addRow(table.headers);
  styleHeader(sheet, 3, table.headers.map((header, i) => (i === 0 ? Math.max(14, header.length * 2 + 2) : Math.max(10, header.length * 2 + 2))));
  for (const cells of table.rows) {
    const row = sheet.addRow(cells.map((cell) => (cell !== null && typeof cell === 'object' ? cell.percent : formulaSafeText(cell ?? ''))));
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = THIN_BORDER;
      const source = cells[col - 1];
      if (source !== null && typeof source === 'object') cell.numFmt = '0.0%';
    });
  }
  return toBytes(workbook);
}
