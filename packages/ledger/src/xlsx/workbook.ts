import ExcelJS from 'exceljs';
import { checkWorkbookSize, MAX_ROWS, WorkbookRefused } from './check-workbook-size.ts';

// exceljs is CommonJS (Node) / UMD (browser): one default import, used through this module.
export const { Workbook } = ExcelJS;
export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

/** The workbook as bytes a browser can offer for download (a Blob) and Node can write. */
export async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}

/** What a parse reports while it runs: the size check (bytes inflated), then the rows read. */
export type ReadProgress = { phase: 'checking'; done: number; total: number } | { phase: 'rows'; done: number; total: number };

/**
 * The one way an uploaded workbook is opened (members and org imports alike): refused over
 * the limits of `check-workbook-size.ts` before exceljs sees it, then a sheet of more rows
 * than `MAX_ROWS` refused after (a backstop to the count taken while inflating).
 */
export async function readWorkbook(input: ArrayBuffer | Uint8Array, onProgress?: (progress: ReadProgress) => void): Promise<ExcelJS.Workbook> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  await checkWorkbookSize(bytes, (p) => onProgress?.({ phase: 'checking', ...p }));
  const workbook = new Workbook();
  // exceljs' typings say Buffer; in the browser it takes an ArrayBuffer, in Node a Buffer or Uint8Array.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  for (const sheet of workbook.worksheets) {
    if (sheet.actualRowCount > MAX_ROWS) throw new WorkbookRefused('too_many_rows', `${sheet.name} has ${sheet.actualRowCount} rows`);
  }
  return workbook;
}

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2DCDB' } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};

/** A bold, bordered header row with column widths fitted to CJK text. */
export function styleHeader(sheet: ExcelJS.Worksheet, rowNumber: number, widths: number[]) {
  const row = sheet.getRow(rowNumber);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
  });
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}
