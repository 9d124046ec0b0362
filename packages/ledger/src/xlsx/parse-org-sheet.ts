import { cellText } from './cell-text.ts';
import { orgFieldOfHeader, parentSegments, type OrgImportError, type OrgImportField, type OrgImportRow } from './org-import-fields.ts';
import { findHeaderRow } from './find-header-row.ts';
import { readWorkbook, type ReadProgress, type Worksheet } from './workbook.ts';

export interface ParsedOrgSheet {
  rows: OrgImportRow[];
  /** What the file itself gets wrong (no header row, the same org twice): those rows are left out of `rows`. */
  problems: OrgImportError[];
  ignoredColumns: string[];
}


/**
 * Reads the first sheet with a header row naming at least the parent and the name columns,
 * one `OrgImportRow` per non-empty row with its Excel row number (the instructions sheet,
 * whose examples sit under a title, is never read: the data sheet comes first).
 */
export async function parseOrgSheet(bytes: ArrayBuffer | Uint8Array, onProgress?: (progress: ReadProgress) => void): Promise<ParsedOrgSheet> {
  const workbook = await readWorkbook(bytes, onProgress);
  for (const sheet of workbook.worksheets) {
    const header = findHeaderRow(sheet, orgFieldOfHeader, ['name', 'parent']);
    if (header) return readRows(sheet, header.rowNumber, header.columns, header.ignored, onProgress);
  }
  return { rows: [], problems: [{ row: 1, column: '', code: 'required', message: 'no header row with the template columns was found' }], ignoredColumns: [] };
}

function readRows(sheet: Worksheet, headerRow: number, columns: Map<number, OrgImportField>, ignored: string[], onProgress?: (progress: ReadProgress) => void): ParsedOrgSheet {
  const rows: OrgImportRow[] = [];
  const problems: OrgImportError[] = [];
  const firstRowOf = new Map<string, number>();
  const total = sheet.actualRowCount;
  let done = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (++done % 500 === 0) onProgress?.({ phase: 'rows', done, total });
    if (rowNumber <= headerRow) return;
    const values: OrgImportRow['values'] = {};
    for (const [col, field] of columns) {
      const { text } = cellText(row.getCell(col).value, 'name');
      if (text) values[field] = text;
    }
    if (Object.keys(values).length === 0) return;
    if (values.name && values.parent) {
      // The same parent (as written) and name twice: the second would only repeat the first.
      const key = `${parentSegments(values.parent).join('/')}\u0000${values.name}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        problems.push({ row: rowNumber, column: 'name', code: 'duplicate_in_file', message: `the same organization as row ${first}` });
        return;
      }
      firstRowOf.set(key, rowNumber);
    }
    rows.push({ rowNumber, values });
  });
  return { rows, problems, ignoredColumns: ignored };
}
