import { EXAMPLE_ID_CARD } from './build-template.ts';
import { cellText } from './cell-text.ts';
import { canonicalValue, fieldOfHeader, type ImportError, type ImportField, type ImportRow } from './import-fields.ts';
import { findHeaderRow } from './find-header-row.ts';
import { readWorkbook, type ReadProgress, type Worksheet } from './workbook.ts';

export interface ParsedSheet {
  rows: ImportRow[];
  /**
   * What the file itself gets wrong, before any server check: no header row, a required
   * column missing, an ID typed as a number, an ID twice in the file. Rows named here are
   * left out of `rows`; `column` '' means the whole sheet.
   */
  problems: ImportError[];
  /** Header cells that name no known column (ignored). */
  ignoredColumns: string[];
}


/**
 * Reads the first sheet that has a recognisable header row (zh-CN or en labels, or the
 * usual variants), one `ImportRow` per non-empty row with its Excel row number.
 */
export async function parseMemberSheet(bytes: ArrayBuffer | Uint8Array, onProgress?: (progress: ReadProgress) => void): Promise<ParsedSheet> {
  const workbook = await readWorkbook(bytes, onProgress);
  for (const sheet of workbook.worksheets) {
    const header = findHeaderRow(sheet, fieldOfHeader, ['name', 'idCardNumber']);
    if (header) return readRows(sheet, header.rowNumber, header.columns, header.ignored, onProgress);
  }
  return { rows: [], problems: [{ row: 1, column: '', code: 'required', message: 'no header row with the template columns was found' }], ignoredColumns: [] };
}

function readRows(sheet: Worksheet, headerRow: number, columns: Map<number, ImportField>, ignored: string[], onProgress?: (progress: ReadProgress) => void): ParsedSheet {
  const rows: ImportRow[] = [];
  const problems: ImportError[] = [];
  const firstRowOf = new Map<string, number>();
  const total = sheet.actualRowCount;
  let done = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (++done % 500 === 0) onProgress?.({ phase: 'rows', done, total });
    if (rowNumber <= headerRow) return;
    const values: ImportRow['values'] = {};
    let numberIdCard = false;
    for (const [col, field] of columns) {
      const { text, numberIdCard: asNumber } = cellText(row.getCell(col).value, field);
      if (!text) continue;
      values[field] = canonicalValue(field, text);
      if (field === 'idCardNumber') values[field] = text.toUpperCase();
      numberIdCard ||= asNumber === true;
    }
    if (Object.keys(values).length === 0) return;
    const id = values.idCardNumber;
    if (id === EXAMPLE_ID_CARD) return;
    if (numberIdCard) {
      problems.push({ row: rowNumber, column: 'idCardNumber', code: 'id_card_as_number', message: 'the ID-card number was stored as a number and lost digits' });
      return;
    }
    if (id) {
      const first = firstRowOf.get(id);
      if (first !== undefined) {
        problems.push({ row: rowNumber, column: 'idCardNumber', code: 'duplicate_in_file', message: `the same ID-card number as row ${first}` });
        return;
      }
      firstRowOf.set(id, rowNumber);
    }
    rows.push({ rowNumber, values });
  });
  return { rows, problems, ignoredColumns: ignored };
}
