import ExcelJS from 'exceljs';

// exceljs is CommonJS (Node) / UMD (browser): one default import, used through this module.
export const { Workbook } = ExcelJS;
export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

/** The workbook as bytes a browser can offer for download (a Blob) and Node can write. */
export async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}

export async function readWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new Workbook();
  // exceljs' typings say Buffer; in the browser it takes an ArrayBuffer, in Node a Buffer or Uint8Array.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
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
